package org.creditexchange.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalIdCipherTests {

    static final String ID = "11010519491231002X";
    static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) i;
        }
    }

    @Test
    void encryptsSoThatOnlyTheSameKeyReadsItBack() {
        PersonalIdCipher cipher = new PersonalIdCipher(KEY);

        String sealed = cipher.encrypt(ID);

        assertThat(sealed).startsWith("v1:");
        assertThat(sealed.contains(ID)).isFalse();
        assertThat(cipher.decrypt(sealed)).isEqualTo(ID);
        byte[] other = KEY.clone();
        other[0] = 99;
        assertThatThrownBy(() -> new PersonalIdCipher(other).decrypt(sealed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wrong key");
    }

    @Test
    void theSameNumberEncryptsDifferentlyEveryTime() {
        PersonalIdCipher cipher = new PersonalIdCipher(KEY);

        assertThat(cipher.encrypt(ID)).isNotEqualTo(cipher.encrypt(ID));
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        PersonalIdCipher cipher = new PersonalIdCipher(KEY);
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt(ID).substring(3));
        raw[raw.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankStaysBlank() {
        PersonalIdCipher cipher = new PersonalIdCipher(KEY);

        assertThat(cipher.encrypt("")).isEmpty();
        assertThat(cipher.decrypt(null)).isEmpty();
    }

    @Test
    void refusesAKeyOfTheWrongSize() {
        assertThatThrownBy(() -> new PersonalIdCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatesAnOwnerOnlyKeyFileOnceAndReusesIt(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("keys/id-encryption.key");

        String sealed = PersonalIdCipher.fromConfiguredOrFile(null, keyFile).encrypt(ID);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PersonalIdCipher.fromConfiguredOrFile("", keyFile).decrypt(sealed)).isEqualTo(ID);
        String configured = Base64.getEncoder().encodeToString(KEY);
        assertThat(PersonalIdCipher.fromConfiguredOrFile(configured, keyFile).encrypt(ID)).isNotEmpty();
    }
}
