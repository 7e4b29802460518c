package org.mobilenetexplorer.ui.config;

import org.mobilenetexplorer.model.Activation;
import org.mobilenetexplorer.model.ChannelRounding;
import org.mobilenetexplorer.model.Family;
import org.mobilenetexplorer.model.InvalidConfigException;
import org.mobilenetexplorer.model.MobileNetConfig;
import org.mobilenetexplorer.ui.common.Settings;

/** The configuration and the backend remembered between launches, in {@link Settings}. */
public final class ConfigSettings {
    /** The backend chosen when none was remembered (or the remembered one is missing from this build). */
    public static final String DEFAULT_BACKEND = "onnxruntime";
    private final Settings settings;

    public ConfigSettings(Settings settings) {
        this.settings = settings;
    }

    /** The remembered configuration; the paper's baseline when none is remembered or it is no longer valid. */
    public MobileNetConfig restore() {
        try {
            return new MobileNetConfig(
                    Family.fromId(settings.get("config.family", Family.V1.id())),
                    settings.getDouble("config.alpha", 1.0),
                    (int) settings.getDouble("config.resolution", 224),
                    (int) settings.getDouble("config.classes", 1000),
                    ChannelRounding.fromId(settings.get("config.rounding", "slim")),
                    (int) settings.getDouble("config.blocks14", MobileNetConfig.MAX_BLOCKS14),
                    Boolean.parseBoolean(settings.get("config.standardConv", "false")),
                    Activation.fromId(settings.get("config.activation", "relu6")),
                    Boolean.parseBoolean(settings.get("config.minimalistic", "false")));
        } catch (InvalidConfigException e) {
            return MobileNetConfig.DEFAULT;
        }
    }

    /** The remembered backend id. */
    public String backend() {
        return settings.get("config.backend", DEFAULT_BACKEND);
    }

    /** Remembers {@code c} and {@code backend} (when not null) for the next launch. */
    public void save(MobileNetConfig c, String backend) {
        settings.put("config.family", c.family().id());
        settings.put("config.minimalistic", Boolean.toString(c.minimalistic()));
        settings.put("config.alpha", Double.toString(c.alpha()));
        settings.put("config.resolution", Integer.toString(c.resolution()));
        settings.put("config.classes", Integer.toString(c.classes()));
        settings.put("config.rounding", c.rounding().id());
        settings.put("config.blocks14", Integer.toString(c.blocks14()));
        settings.put("config.standardConv", Boolean.toString(c.standardConv()));
        settings.put("config.activation", c.activation().id());
        if (backend != null) {
            settings.put("config.backend", backend);
        }
    }
}
