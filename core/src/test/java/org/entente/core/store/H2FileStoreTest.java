package org.entente.core.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a real H2 file database in a temporary directory. */
class H2FileStoreTest extends StoreContract {

    @TempDir
    Path directory;

    @Override
    EntenteStore open() {
        return EntenteStore.builder().h2(directory).build();
    }

    @Override
    EntenteStore openWithChunkSize(int chunkSize) {
        return EntenteStore.builder().h2(directory).chunkSize(chunkSize).build();
    }
}
