@echo off
rem SaveScope launcher for Windows: `jbang.cmd report`, `jbang.cmd test`. It runs jbang.java beside this
rem file with the JDK's java (JAVA_HOME, else java on the PATH); jbang.java fetches JBang with the versions
rem and checksums in jbang.pins, as ./jbang does on Linux and macOS.
setlocal
set "SAVESCOPE_JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "SAVESCOPE_JAVA=%JAVA_HOME%\bin\java.exe"
if not "%SAVESCOPE_JAVA%"=="java" goto run
where java >nul 2>nul
if errorlevel 1 (
  echo savescope: no Java found. SaveScope needs a JDK 17 or newer: install one, or set JAVA_HOME. 1>&2
  exit /b 1
)
:run
rem %~dp0 ends with a backslash, which would escape the closing quote: "." keeps it a folder.
"%SAVESCOPE_JAVA%" "-Dsavescope.root=%~dp0." "%~dp0jbang.java" %*
exit /b %ERRORLEVEL%
