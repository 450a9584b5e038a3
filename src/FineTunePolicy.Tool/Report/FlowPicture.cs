using System.Globalization;
using System.Text;

namespace FineTunePolicy.Tool.Report;

/// <summary>
/// The data-flow picture as inline SVG: classified sources → projects → providers in three columns. Each edge is
/// coloured by class (a palette safe for colour-blind readers) and also drawn with its class's dash pattern and
/// labelled with the class name, so that it reads in black and white; blocked and suppressed flows say so in text.
/// </summary>
internal static class FlowPicture
{
    private const int NodeWidth = 210;
    private const int NodeHeight = 42;
    private const int RowGap = 14;
    private const int PortSpacing = 16;
    private const int Top = 40;
    private static readonly int[] ColumnX = { 6, 290, 810 };
    public const int Width = 1026;

    /// <summary>Fill colours (Okabe-Ito) and dash patterns per class.</summary>
    public static readonly IReadOnlyDictionary<string, (string Colour, string Dash)> Classes = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["Public"] = ("#009E73", ""),
        ["Internal"] = ("#0072B2", "10 4"),
        ["Confidential"] = ("#E69F00", "5 4"),
        ["Restricted"] = ("#D55E00", "2 3"),
        ["Unknown"] = ("#777777", "12 3 2 3"),
    };

    public static string Render(ReportModel model)
    {
        var flows = model.Flows;
        var sources = flows.Where(f => f.Source != null)
            .GroupBy(f => f.Source!, StringComparer.Ordinal)
            .Select(g => (Name: g.Key, Class: g.MaxBy(f => ReportBuilder.Rank(f.Class))!.Class))
            .OrderByDescending(s => ReportBuilder.Rank(s.Class)).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();

        // Left edges: source → project (the highest class and the worst status of the flows they stand for).
        var left = flows.Where(f => f.Source != null)
            .GroupBy(f => (Source: f.Source!, f.Project))
            .Select(g => new EdgeSpec(g.Key.Source, g.Key.Project, g.MaxBy(f => ReportBuilder.Rank(f.Class))!.Class, Worst(g), null,
                $"{g.Key.Source} ({g.MaxBy(f => ReportBuilder.Rank(f.Class))!.Class}) is sent by {g.Key.Project}"))
            .ToList();

        // Right edges: project → provider, one per purpose and status, labelled with purpose, class and status.
        var right = flows.GroupBy(f => (f.Project, f.Provider, f.Purpose, f.Status))
            .Select(g =>
            {
                var dataClass = g.MaxBy(f => ReportBuilder.Rank(f.Class))!.Class;
                var rules = string.Join(" ", g.Select(f => f.Rule).OfType<string>().Distinct().Order(StringComparer.Ordinal));
                var status = g.Key.Status;
                var label = $"{Purpose(g.Key.Purpose)} · {dataClass}" + StatusText(status);
                return new EdgeSpec(g.Key.Project, g.Key.Provider, dataClass, status, label,
                    $"{g.Key.Project} → {g.Key.Provider}: {Purpose(g.Key.Purpose)} of {dataClass} data, {status}" + (rules.Length > 0 ? $" ({rules})" : ""));
            })
            .OrderBy(e => e.To, StringComparer.Ordinal).ThenBy(e => e.Label, StringComparer.Ordinal).ToList();

        // Each node is tall enough for one port per edge on its busier side, so that edges and labels never share a line.
        var columns = new[]
        {
            sources.Select(s => (Id: s.Name, Ports: left.Count(e => e.From == s.Name))).ToList(),
            model.Projects.Select(p => (Id: p.Name, Ports: Math.Max(left.Count(e => e.To == p.Name), right.Count(e => e.From == p.Name)))).ToList(),
            model.Providers.Select(p => (Id: p.Id, Ports: right.Count(e => e.To == p.Id))).ToList(),
        };
        var boxes = new Dictionary<(int Column, string Id), (int Top, int Height)>();
        var height = 0;
        for (var column = 0; column < 3; column++)
        {
            var top = Top;
            foreach (var (id, ports) in columns[column])
            {
                var h = Math.Max(NodeHeight, ports * PortSpacing + 12);
                boxes[(column, id)] = (top, h);
                top += h + RowGap;
            }

            height = Math.Max(height, top);
        }

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"flow-picture\" role=\"img\" viewBox=\"0 0 {Width} {height}\" "
            + $"width=\"{Width}\" height=\"{height}\" aria-labelledby=\"flow-title flow-desc\">");
        svg.Append("<title id=\"flow-title\">Data flows: classified sources, projects, providers</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"flow-desc\">{sources.Count} classified sources, {model.Projects.Count} projects and "
            + $"{model.Providers.Count} providers; {right.Count(e => e.Status == "blocked")} blocked and {right.Count(e => e.Status == "flagged")} flagged "
            + $"flows.</desc>");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" "
            + "orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>");
        Heading(svg, 0, "Classified sources");
        Heading(svg, 1, "Projects");
        Heading(svg, 2, "Providers");

        // Edges first, so that nodes are drawn over their ends.
        svg.Append("<g class=\"edges\">");
        DrawEdges(svg, 0, left, boxes);
        DrawEdges(svg, 1, right, boxes);
        svg.Append("</g><g class=\"nodes\">");
        foreach (var (name, dataClass) in sources)
        {
            Node(svg, "source", 0, boxes[(0, name)], name, $"[{dataClass}]", dataClass);
        }

        foreach (var project in model.Projects)
        {
            Node(svg, "project", 1, boxes[(1, project.Name)], project.Name, project.Mode == "default" ? "no manifest: default ceilings" : project.Path, null);
        }

        foreach (var provider in model.Providers)
        {
            var hosting = provider.Hosting == null ? "not in an audit record" : provider.Hosting + " hosting";
            Node(svg, "provider", 2, boxes[(2, provider.Id)], provider.Id, hosting, null);
        }

        svg.Append("</g></svg>");
        return svg.ToString();
    }

    private sealed record EdgeSpec(string From, string To, string Class, string Status, string? Label, string Title);

    /// <summary>Draws one column's edges; each node hands out its ports top to bottom in the order of the edges.</summary>
    private static void DrawEdges(StringBuilder svg, int fromColumn, List<EdgeSpec> edges, Dictionary<(int, string), (int Top, int Height)> boxes)
    {
        var outgoing = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.ToList());
        var incoming = edges.GroupBy(e => e.To).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var edge in edges)
        {
            if (!boxes.TryGetValue((fromColumn, edge.From), out var from) || !boxes.TryGetValue((fromColumn + 1, edge.To), out var to))
            {
                continue;
            }

            var y1 = Port(from, outgoing[edge.From].IndexOf(edge), outgoing[edge.From].Count);
            var y2 = Port(to, incoming[edge.To].IndexOf(edge), incoming[edge.To].Count);
            Edge(svg, fromColumn, y1, y2, edge);
        }
    }

    private static double Port((int Top, int Height) box, int index, int count) =>
        box.Top + box.Height / 2.0 + (index - (count - 1) / 2.0) * PortSpacing;

    /// <summary>The legend: every class by colour, dash and name, and the two markings of a flow that is not allowed.</summary>
    public static string Legend()
    {
        var html = new StringBuilder("<ul class=\"legend\" aria-label=\"Legend\">");
        foreach (var (name, (colour, dash)) in Classes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><svg width=\"46\" height=\"12\" aria-hidden=\"true\"><line x1=\"2\" y1=\"6\" x2=\"44\" y2=\"6\" "
                + $"stroke=\"{colour}\" stroke-width=\"4\" stroke-dasharray=\"{dash}\"/></svg> "
                + $"{name}{(name == "Unknown" ? " (the finding names no class)" : "")}</li>");
        }

        html.Append("<li><strong>✕ BLOCKED</strong>: the policy forbids the flow and the build fails (an error, or a use the task denied)</li>");
        html.Append("<li><strong>⚠ FLAGGED</strong>: the policy forbids the flow, but the build only warns (a rule at warning severity, or lowered to it: see "
            + "the suppressions)</li>");
        html.Append("<li><em>suppressed</em>: a finding switched off in code or configuration</li></ul>");
        return html.ToString();
    }

    private static readonly string[] StatusOrder = { "allowed", "suppressed", "flagged", "blocked" };

    private static string Worst(IEnumerable<Flow> flows) => flows.MaxBy(f => Array.IndexOf(StatusOrder, f.Status))!.Status;

    /// <summary>The status in words, for edge labels: never only a colour.</summary>
    private static string StatusText(string status) => status switch
    {
        "blocked" => " · ✕ BLOCKED",
        "flagged" => " · ⚠ FLAGGED",
        "suppressed" => " · suppressed",
        _ => "",
    };

    private static string Purpose(string purpose) => purpose == "fineTuning" ? "fine-tuning" : purpose;

    private static void Heading(StringBuilder svg, int column, string text) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"column-heading\" x=\"{ColumnX[column] + NodeWidth / 2}\" y=\"22\" "
            + $"text-anchor=\"middle\">{Escape(text)}</text>");

    private static void Node(StringBuilder svg, string kind, int column, (int Top, int Height) box, string label, string detail, string? dataClass)
    {
        var top = box.Top + (box.Height - NodeHeight) / 2;
        var (fill, stroke) = dataClass != null && Classes.TryGetValue(dataClass, out var c) ? (c.Colour + "33", c.Colour) : ("#f4f4f4", "#333");
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"node\" data-kind=\"{kind}\" "
            + $"data-id=\"{Escape(label)}\"{(dataClass == null ? "" : $" data-class=\"{dataClass}\"")}>");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{Escape(kind)}: {Escape(label)} ({Escape(detail)})</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{ColumnX[column]}\" y=\"{box.Top}\" width=\"{NodeWidth}\" height=\"{box.Height}\" rx=\"6\" "
            + $"fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{(dataClass == null ? 1 : 2)}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{ColumnX[column] + 8}\" y=\"{top + 17}\" class=\"node-label\">{Escape(Fit(label, 27))}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{ColumnX[column] + 8}\" y=\"{top + 34}\" "
            + $"class=\"node-detail\">{Escape(Fit(detail, 33))}</text></g>");
    }

    private static void Edge(StringBuilder svg, int fromColumn, double y1, double y2, EdgeSpec edge)
    {
        var (colour, dash) = Classes.TryGetValue(edge.Class, out var c) ? c : Classes["Unknown"];
        double x1 = ColumnX[fromColumn] + NodeWidth, x2 = ColumnX[fromColumn + 1] - 1, mid = (x1 + x2) / 2;
        var path = string.Create(CultureInfo.InvariantCulture, $"M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}");
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"edge\" data-status=\"{edge.Status}\" "
            + $"data-class=\"{edge.Class}\"><title>{Escape(edge.Title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" "
            + $"stroke-width=\"{(edge.Status is "blocked" or "flagged" ? 4 : 3)}\" stroke-dasharray=\"{dash}\" "
            + $"marker-end=\"url(#arrow)\"{(edge.Status == "suppressed" ? " stroke-opacity=\"0.55\"" : "")}/>");
        if (edge.Label != null)
        {
            // Labels sit just before the arrow head, on the edge's own port line, so that they never overlap.
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x2 - 12}\" y=\"{y2 - 3}\" text-anchor=\"end\" class=\"edge-label "
                + $"{edge.Status}\">{Escape(edge.Label)}</text>");
        }

        svg.Append("</g>");
    }

    private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Escape(string text) => Html.Escape(text);
}
