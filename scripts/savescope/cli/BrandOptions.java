package savescope.cli;

import savescope.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import savescope.FileProblems;
import savescope.render.Brand;
import savescope.render.LogoImage;

/** Reads {@code --brand-name}, {@code --logo} and {@code --accent} into a {@link Brand}, before any work is done. */
final class BrandOptions {
    private BrandOptions() {}

    /**
     * The brand, its adjustments said on {@code err}.
     *
     * @throws UserError (code 2) for a logo that cannot be read or used, or a colour that is none
     */
    static Brand read(String name, Path logo, String accent, PrintWriter err) {
        byte[] bytes = null;
        if (logo != null) {
            try {
                if (Files.isRegularFile(logo) && Files.size(logo) > LogoImage.MAX_BYTES) {
                    throw new UserError("--logo " + logo + ": the logo is " + Files.size(logo) / 1024 + " KB; "
                            + "expected at most " + LogoImage.MAX_BYTES / 1024 + " KB (a logo, not a photo).");
                }
                bytes = Files.readAllBytes(logo);
            } catch (IOException e) {
                throw new UserError("--logo " + logo + ": could not read it (" + FileProblems.reason(e) + ").", e);
            }
        }
        try {
            Brand brand = Brand.of(name, bytes, logo == null ? null : logo.toString(), accent);
            brand.notes().forEach(n -> err.println("note: " + n));
            return brand;
        } catch (IllegalArgumentException e) {
            throw new UserError((e.getMessage().startsWith("--") ? "" : "--logo ") + e.getMessage(), e);
        }
    }
}
