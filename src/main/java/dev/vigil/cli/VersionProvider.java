package dev.vigil.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest (falls back to "dev" when run from classes). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VigilCommand.class.getPackage().getImplementationVersion();
        return new String[] {"vigil " + (version == null ? "dev" : version)};
    }
}
