package vn.ansinh.households.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** At startup, publishes the administrative units that migrations added and nobody announced yet. */
@ApplicationScoped
class AreaAnnouncer {

    private static final Logger LOG = Logger.getLogger(AreaAnnouncer.class);

    private final AreaService areas;

    AreaAnnouncer(AreaService areas) {
        this.areas = areas;
    }

    void onStart(@Observes StartupEvent event) {
        int announced = areas.announcePending();
        if (announced > 0) {
            LOG.infof("announced %d administrative units on households.area.v1", announced);
        }
    }
}
