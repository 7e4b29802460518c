/**
 * File helpers every package may use (JDK only): atomic writes (temp file in the target's directory, then rename),
 * so a result, preset, chart or model file is either the old one or the complete new one.
 */
package org.mobilenetexplorer.io;
