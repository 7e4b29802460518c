/**
 * JSON presets: named, versioned ({@code schemaVersion}) lists of configurations, validated on load with
 * one-line messages naming file, field and value, written atomically. The bundled ones live in {@code presets/}.
 *
 * <p>Depends on {@code model} and Jackson.
 */
package org.mobilenetexplorer.preset;
