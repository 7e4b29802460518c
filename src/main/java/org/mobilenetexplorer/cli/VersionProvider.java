package org.mobilenetexplorer.cli;

import org.mobilenetexplorer.model.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the tool version (from the jar manifest or the build). */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"MobileNet Explorer " + ToolVersion.get()};
    }
}
