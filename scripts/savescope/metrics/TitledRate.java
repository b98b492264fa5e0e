package savescope.metrics;

/**
 * A video looked up by its id: its title and its save rate, for tables that list videos found elsewhere (the
 * most commented ones).
 *
 * @param id the id looked up
 * @param title the video's title, "(untitled)" when blank, or null when no video has this id
 * @param saveRate its saves / views, or null when it has no views or no saves count
 */
public record TitledRate(String id, String title, Double saveRate) {}
