using KalshiDesk.Engine.Events;
using KalshiDesk.Engine.Modes;
using Microsoft.AspNetCore.Components;

namespace KalshiDesk.Web.Components.Layout;

/// <summary>The desk's mode on every page, unmistakably; redrawn on every open page the moment an admin switches it.</summary>
public partial class ModeBanner
{
    private DeskModeState? _mode;

    [Inject]
    private DeskModeStore Modes { get; set; } = default!;

    protected override bool Affects(DeskEvent deskEvent) => deskEvent is DeskModeChanged;

    protected override async Task LoadAsync() => _mode = await Modes.GetAsync();
}
