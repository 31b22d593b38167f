package io.battdat.streaming;

import io.battdat.api.spi.FolderSource;
import io.battdat.api.spi.RandomAccessSource;
import io.battdat.api.spi.StorageProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * A remote folder seen through its storage provider: listings and opens are the provider's, with names relative to
 * the folder. A dataset stored as several files (Parquet) is read through it. {@code uri} is the folder's URI as
 * written, without a trailing slash ({@link #folderUri(String)}).
 */
record ProviderFolder(StorageProvider provider, String uri) implements FolderSource {

    /** A URI without the trailing slashes a user may write after a folder's name. */
    static String folderUri(String uri) {
        String s = uri;
        while (s.endsWith("/") && !s.endsWith("://")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * The files below a URI, relative to it, when it is a folder holding any; empty for a file, a missing name or
     * an empty folder. (Object stores have no empty folders: a folder is the files under its name.)
     */
    static List<String> filesOf(StorageProvider provider, String folderUri) {
        return new ProviderFolder(provider, folderUri).list("**");
    }

    @Override
    public String name() {
        return uri;
    }

    @Override
    public List<String> list(String relativePattern) {
        String prefix = uri + "/";
        List<String> out = new ArrayList<>();
        for (String file : provider.list(prefix + relativePattern)) {
            if (file.startsWith(prefix)) {
                out.add(file.substring(prefix.length()));
            }
        }
        return out;
    }

    @Override
    public RandomAccessSource open(String relativeName) {
        return provider.open(uri + "/" + relativeName);
    }
}
