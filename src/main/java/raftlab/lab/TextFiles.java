package raftlab.lab;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading and writing the user's text files (transcripts, scripts), with errors that say what is wrong and where. */
public final class TextFiles {
    private TextFiles() {
    }

    /** Why reading failed, in one line; {@link #missing} says whether the file does not exist. */
    public static final class ReadError extends Exception {
        private final boolean missing;

        ReadError(String message, boolean missing) {
            super(message, null, false, false);
            this.missing = missing;
        }

        public boolean missing() {
            return missing;
        }
    }

    /** The file's text, which must be UTF-8; else a ReadError such as "FILE:2: not UTF-8 text (byte 0xe9...)". */
    public static String readUtf8(Path file) throws ReadError {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ReadError("no such file " + file, true);
        } catch (IOException e) {
            throw new ReadError("cannot read " + file + ": " + reason(e, file), false);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new ReadError(file + ":" + line + ": not UTF-8 text (byte 0x" + String.format("%02x", bytes[at] & 0xff)
                    + " at byte " + (at - lineStart + 1) + " of the line); save the file as UTF-8", false);
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /**
     * Writes {@code text} as UTF-8 to {@code path}, which the user named {@code file}; a failure is the user's to fix
     * and says why in words.
     */
    public static void write(Path path, String file, CharSequence text) {
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException("cannot write " + file + ": " + reason(e, path));
        }
    }

    /** The reason an I/O operation on {@code file} failed, in words ("permission denied"), never just the path. */
    public static String reason(IOException e, Path file) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return lowerFirst(((FileSystemException) e).getReason());
        }
        String m = e.getMessage();
        return m == null || m.equals(file.toString()) ? e.getClass().getSimpleName() : m;
    }

    /** {@code ~} and {@code ~/x} mean the user's home, as in a shell. */
    public static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + path.substring(1));
        }
        return Path.of(path);
    }

    /**
     * Where to write a file the user named ({@code ~} expanded), after checking the lab may: it is not a folder, its
     * folder exists, and it does not exist yet unless {@code force}. {@code forceHint} says how to replace it.
     */
    public static Path writableTarget(String file, boolean force, String forceHint) {
        Path path = expandHome(file);
        if (Files.isDirectory(path)) {
            throw new LabException("cannot write " + file + ": it is a folder; name a file in it");
        }
        if (Files.exists(path) && !force) {
            throw new LabException(file + " exists; " + forceHint);
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new LabException("cannot write " + file + ": folder " + parent + " does not exist");
        }
        return path;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

}
