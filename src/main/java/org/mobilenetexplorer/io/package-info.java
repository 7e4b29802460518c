/**
 * File helpers every package may use (JDK and jackson-core only): atomic writes that never replace what is not a
 * regular file ({@link org.mobilenetexplorer.io.AtomicFiles}), the one bounded reader of user files
 * ({@link org.mobilenetexplorer.io.UserFiles}: regular files only, size caps, strict UTF-8) and the JSON limits of
 * every reader of user files ({@link org.mobilenetexplorer.io.JsonLimits}).
 */
package org.mobilenetexplorer.io;
