# SaveScope launcher for PowerShell (Windows, and pwsh on macOS or Linux): `.\jbang.ps1 report`,
# `.\jbang.ps1 test`. It runs jbang.java beside this file with the JDK's java (JAVA_HOME, else java on the
# PATH); jbang.java fetches JBang with the versions and checksums in jbang.pins, as ./jbang does.
$java = $null
if ($env:JAVA_HOME) {
    foreach ($name in @('java.exe', 'java')) {
        $candidate = Join-Path (Join-Path $env:JAVA_HOME 'bin') $name
        if (Test-Path -LiteralPath $candidate -PathType Leaf) { $java = $candidate; break }
    }
}
if (-not $java) {
    $found = Get-Command java -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $found) {
        [Console]::Error.WriteLine('savescope: no Java found. SaveScope needs a JDK 17 or newer: install one, or set JAVA_HOME.')
        exit 1
    }
    $java = $found.Source
}
& $java "-Dsavescope.root=$PSScriptRoot" (Join-Path $PSScriptRoot 'jbang.java') @args
exit $LASTEXITCODE
