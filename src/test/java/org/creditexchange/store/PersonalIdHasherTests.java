package org.creditexchange.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PersonalIdHasherTests {

    static final String ID = "11010519491231002X";

    @Test
    void sameNumberSameKeySameHashDifferentKeyDifferentHash() {
        PersonalIdHasher a = new PersonalIdHasher("a-secret-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
        PersonalIdHasher b = new PersonalIdHasher("another-secret-of-16-bytes".getBytes(StandardCharsets.UTF_8));

        assertThat(a.hash(ID)).isEqualTo(a.hash(ID)).hasSize(64).doesNotContain("110105");
        assertThat(a.hash(ID)).isNotEqualTo(b.hash(ID));
        assertThat(a.hash("")).isEmpty();
    }
}
