package org.entente.reliability;

import org.entente.Entente;

/** Crash during ingest on an H2 file store. */
class H2CrashDuringIngestTest extends CrashDuringIngestContract {

    @Override
    String[] storeArgs() {
        return new String[] {"h2", temp.resolve("store").toString()};
    }

    @Override
    Entente open() {
        return Entente.h2(temp.resolve("store"));
    }
}
