package org.desist.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a newcomer met in the README: a tour that says where it runs and can run again, and a true layout. */
class ReadmeTest {
    private static String readme() throws IOException {
        return Files.readString(ReadmeTourIT.REPOSITORY.resolve("README.md"));
    }

    @Test
    void the_tour_says_it_runs_from_the_repository_root() throws IOException {
        String readme = readme();
        String intro = readme.substring(
                readme.indexOf(ReadmeTour.HEADING), readme.indexOf("```sh", readme.indexOf(ReadmeTour.HEADING)));
        assertThat(intro.replaceAll("\\s+", " ")).contains("from the repository root");
    }

    /** curl -J refuses to overwrite a file an earlier run left, and -O names files after the URL: -o names them. */
    @Test
    void the_tour_saves_each_download_under_a_name_it_gives() throws IOException {
        String tour = ReadmeTour.block(readme());
        Matcher flags =
                Pattern.compile("curl [^\\n]*?\\s-[A-Za-z]*[OJ][A-Za-z]*\\s").matcher(tour);
        assertThat(flags.find())
                .as(flags.hitEnd() ? "" : tour.substring(flags.start(), flags.end()))
                .isFalse();
        assertThat(tour).contains("-o probation-summary.pdf");
    }

    /**
     * With the second factor required (the default), a password alone opens enrolment and a token only: the tour
     * sends HTTP Basic to nothing else, but once to show the refusal.
     */
    @Test
    void the_tour_sends_a_password_alone_only_to_enrol_and_to_get_a_token() throws IOException {
        List<String> basic = ReadmeTour.block(readme())
                .lines()
                .filter(line -> line.matches(".*curl .*-u .*"))
                .toList();
        assertThat(basic).isNotEmpty();
        assertThat(basic)
                .allMatch(
                        line -> line.contains("/me/second-factor")
                                || line.contains("$API/tokens")
                                || line.contains("-w '%{http_code}"),
                        "enrols, gets a token, or shows the refusal");
        assertThat(ReadmeTour.block(readme())).contains("oathtool --totp -b \"$");
    }

    @Test
    void the_layout_lists_each_folder_once_and_every_top_level_entry() throws IOException {
        String readme = readme();
        int layout = readme.indexOf("\n## Layout\n");
        assertThat(layout).isPositive();
        int open = readme.indexOf("```", layout) + 3;
        String block = readme.substring(open, readme.indexOf("```", open));
        List<String> entries = new ArrayList<>();
        for (String line : block.strip().split("\n")) {
            entries.add(line.strip().split("\\s+")[0]);
        }
        assertThat(entries).doesNotHaveDuplicates();
        assertThat(entries)
                .contains(
                        "pom.xml",
                        "service/",
                        "reports/",
                        "migrations/",
                        "config.yml",
                        "README.md",
                        ".ci/run",
                        "bench/",
                        "docs/",
                        "clients/");
    }
}
