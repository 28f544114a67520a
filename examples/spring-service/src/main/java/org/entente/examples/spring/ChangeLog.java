package org.entente.examples.spring;

import org.entente.spring.boot.EntenteListener;
import org.entente.subscription.PartnershipChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Logs every change of a current partnership status: the listener bean the starter subscribes on start. */
@Component
class ChangeLog {

    private static final Logger log = LoggerFactory.getLogger(ChangeLog.class);

    @EntenteListener
    void log(PartnershipChanged change) {
        log.info("partnership changed: {}", change);
    }
}
