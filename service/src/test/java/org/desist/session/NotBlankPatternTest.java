package org.desist.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Notes and concerns may span lines but must say something; the description publishes the same pattern. */
class NotBlankPatternTest {
    private static final Pattern NOT_BLANK = Pattern.compile(SessionBody.NOT_BLANK);

    @Test
    void white_space_alone_is_blank_and_anything_else_is_not() {
        assertThat(NOT_BLANK.matcher("").matches()).isFalse();
        assertThat(NOT_BLANK.matcher(" \n\t  \r\n").matches()).isFalse();
        assertThat(NOT_BLANK.matcher("x").matches()).isTrue();
        assertThat(NOT_BLANK.matcher("\n  Arrived late.\n\nEngaged well.\n").matches())
                .isTrue();
    }

    @Test
    void the_pattern_uses_no_java_only_syntax() {
        assertThat(SessionBody.NOT_BLANK).doesNotContain("(?");
    }
}
