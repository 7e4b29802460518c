/**
 * File helpers every package may use (JDK and jackson-core only): atomic writes that never replace what is not a
 * regular file ({@link org.mobilenetexplorer.io.AtomicFiles}), the one bounded reader of user files
 * ({@link org.mobilenetexplorer.io.UserFiles}: regular files only, size caps, strict UTF-8), the JSON limits of
 * every reader of user files ({@link org.mobilenetexplorer.io.JsonLimits}) and the one rule for a decimal number the
 * user wrote ({@link org.mobilenetexplorer.io.Decimals}: command line and presets).
 */
package org.mobilenetexplorer.io;
