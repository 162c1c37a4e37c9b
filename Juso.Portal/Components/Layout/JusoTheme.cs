using MudBlazor;

namespace Juso.Portal.Components.Layout;

/// <summary>High-contrast palette (text on every colour at least 4.5:1) and Japanese system fonts.</summary>
public static class JusoTheme
{
    private static readonly string[] Fonts = ["Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", "Meiryo", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1F4E79",
            Secondary = "#7A3E00",
            Tertiary = "#2E6B30",
            Info = "#0B5394",
            Success = "#2E6B30",
            Warning = "#8A5300",
            Error = "#B3261E",
            AppbarBackground = "#1F4E79",
            TextSecondary = "rgba(0,0,0,0.72)",
            ActionDefault = "rgba(0,0,0,0.72)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H1 = new H1Typography { FontFamily = Fonts },
            H2 = new H2Typography { FontFamily = Fonts },
            H3 = new H3Typography { FontFamily = Fonts },
            H4 = new H4Typography { FontFamily = Fonts },
            H5 = new H5Typography { FontFamily = Fonts },
            H6 = new H6Typography { FontFamily = Fonts },
            Button = new ButtonTypography { FontFamily = Fonts },
            Body1 = new Body1Typography { FontFamily = Fonts },
            Body2 = new Body2Typography { FontFamily = Fonts },
        },
    };
}
