package org.controlroom.cli;

import picocli.CommandLine.IVersionProvider;

/** The version stamped into the jar's manifest by the build. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"Control Room " + (v == null ? "(development build)" : v),
                "Licence GPL-3.0-or-later. Java " + System.getProperty("java.version")};
    }
}
