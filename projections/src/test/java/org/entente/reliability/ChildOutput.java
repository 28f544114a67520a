package org.entente.reliability;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a {@link CrashChild}'s lines on a thread of its own, so that the kill can come at any moment:
 * the facts it acknowledged, how many a batch reported written, whether it finished.
 */
final class ChildOutput extends Thread {

    final ChildJvm child;
    final Set<String> acks = new HashSet<>();
    volatile int written;
    volatile boolean recorded;
    volatile boolean done;

    ChildOutput(ChildJvm child) {
        this.child = child;
        setDaemon(true);
    }

    @Override
    public void run() {
        try {
            String line;
            while ((line = child.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    synchronized (acks) {
                        acks.add(line.substring(4));
                    }
                } else if (line.startsWith("WRITTEN ")) {
                    written = Integer.parseInt(line.substring(8));
                } else if (line.equals("RECORDED")) {
                    recorded = true;
                } else if (line.equals("DONE")) {
                    done = true;
                }
            }
        } catch (IOException e) {
            // the pipe closes when the child is killed
        }
    }
}
