package org.creditexchange.ops.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiUserTests {

    private static final String HASH = "$2a$04$abcdefghijklmnopqrstuuM3mN0p1L3o7W2oq0j3Jq0QJ6a9Xq5Ym";

    @ParameterizedTest(name = "{0} of {1}: read {2} {3}, upload {4}")
    @CsvSource(textBlock = """
            CLERK,          unit-a, unit-a, true,  true
            CLERK,          unit-a, unit-b, false, false
            VIEWER,         ,       unit-b, true,  false
            OPERATOR,       ,       unit-b, true,  true
            ADMIN,          ,       unit-b, true,  true
            CLERK VIEWER,   unit-a, unit-b, true,  false
            """)
    void decidesWhichUnitsAUserReadsAndUploadsFor(String roles, String unit, String asked, boolean read, boolean upload) {
        Set<Role> set = Arrays.stream(roles.split(" ")).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        ApiUser user = new ApiUser("u", HASH, set, unit);

        assertThat(user.mayRead(asked)).isEqualTo(read);
        assertThat(user.mayUpload(asked)).isEqualTo(upload);
        assertThat(user.unitScope().isPresent()).isEqualTo(!user.readsEveryUnit());
    }
}
