package vn.ansinh.reporting;

import org.junit.jupiter.api.Test;

import vn.ansinh.platform.testing.ArchitectureRules;

class ArchitectureTest {

    @Test
    void layersAndBoundariesHold() {
        ArchitectureRules.check("vn.ansinh.reporting");
    }
}
