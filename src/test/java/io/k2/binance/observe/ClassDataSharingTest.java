package io.k2.binance.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassDataSharingTest {

    @Test
    void theAppsOwnArchiveInUseIsNamed() {
        assertThat(ClassDataSharing.describe("true", "/opt/k2/cds/app-1.jsa")).isEqualTo("class-data sharing: on, archive /opt/k2/cds/app-1.jsa");
    }

    @Test
    void anArchiveTheJvmCouldNotMapIsReportedAsOffWithWhatToDo() {
        assertThat(ClassDataSharing.describe("false", "/opt/k2/cds/app-1.jsa")).startsWith("class-data sharing: OFF")
                .contains("/opt/k2/cds/app-1.jsa").contains("bin/k2 run makes a fitting one");
    }

    @Test
    void theJdksDefaultArchiveAloneSaysHowToGetTheAppsOwn() {
        assertThat(ClassDataSharing.describe("true", "")).contains("default archive only").contains("K2_CDS=off");
    }

    @Test
    void thisJvmIsDescribed() {
        assertThat(ClassDataSharing.describe()).startsWith("class-data sharing: ");
    }
}
