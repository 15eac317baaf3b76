package vn.ansinh.households.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "ansinh.imports")
public interface ImportConfig {

    /** Where uploaded files wait for their job (deleted when it ends). */
    @WithDefault("${java.io.tmpdir}/ansinh-imports")
    String directory();
}
