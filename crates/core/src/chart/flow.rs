//! Flow (Sankey) charts: where an amount came from and where it went, as columns of nodes joined
//! by bands whose thickness is the amount.
//!
//! The spec ([`FlowChart`]) holds every node's total and every link's value in fen; pixels
//! (f64) come only from the layout. A wide chart runs left to right (labels beside the first and
//! last columns, a middle column's label above its node); under 600 px it runs top to bottom:
//! the first column's nodes in a row under a list of their labels, each middle node as a full
//! bar with its label inside, the last column's row above a list of its labels (each list item
//! has its node's colour, in the row's left-to-right order).

use super::{font, source_with_sample, wrap, Rgb, INK, MUTED, PAD, RED, SOURCE, SUB, TITLE};
use crate::i18n::Lang;
use crate::money::Fen;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One node: a channel, a total, a use, a balance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowNode {
    pub label: String,
    /// The node's total, in fen: what flows into it, and what flows out of it.
    pub value: Fen,
    /// Its column, from 0 (sources) rightwards (or downwards on a phone).
    pub column: usize,
    pub color: Rgb,
}

/// An amount going from one node to a node of a later column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowLink {
    /// Index into [`FlowChart::nodes`].
    pub from: usize,
    pub to: usize,
    pub value: Fen,
}

/// A flow chart, complete with what a reader needs to cite it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowChart {
    pub title: String,
    pub subtitle: String,
    pub source: String,
    pub sample: bool,
    /// In column order, each column top to bottom (left to right on a phone).
    pub nodes: Vec<FlowNode>,
    pub links: Vec<FlowLink>,
    /// The language of the chart's own words (amounts, text alternative).
    pub lang: Lang,
}

/// Below this width the chart runs top to bottom.
pub const FLOW_VERTICAL_BELOW: u32 = 600;

impl FlowChart {
    /// Every way the chart does not add up, in words: a node whose total differs from the sum of
    /// the links into it (or out of it), a link between unknown nodes or not to a later column,
    /// a negative amount. Empty for a sound chart.
    pub fn imbalances(&self) -> Vec<String> {
        let mut out = Vec::new();
        let n = self.nodes.len();
        let mut ins = vec![(0i64, 0usize); n];
        let mut outs = vec![(0i64, 0usize); n];
        for (k, l) in self.links.iter().enumerate() {
            if l.from >= n || l.to >= n {
                out.push(format!("link {k} joins a node that does not exist"));
                continue;
            }
            if self.nodes[l.to].column <= self.nodes[l.from].column {
                out.push(format!("link {k} does not go to a later column"));
            }
            if l.value.0 < 0 {
                out.push(format!("link {k} is negative"));
            }
            outs[l.from].0 += l.value.0;
            outs[l.from].1 += 1;
            ins[l.to].0 += l.value.0;
            ins[l.to].1 += 1;
        }
        for (i, node) in self.nodes.iter().enumerate() {
            if node.value.0 < 0 {
                out.push(format!("{} is negative", node.label));
            }
            if ins[i].1 == 0 && outs[i].1 == 0 {
                out.push(format!("{} has no link", node.label));
            }
            for (side, (sum, count)) in [("in", ins[i]), ("out", outs[i])] {
                if count > 0 && sum != node.value.0 {
                    out.push(format!("{}: total {} but links {side} add up to {}", node.label, node.value.0, sum));
                }
            }
        }
        out
    }

    /// The nodes of `column`, with their indices.
    pub fn column(&self, column: usize) -> impl Iterator<Item = (usize, &FlowNode)> {
        self.nodes.iter().enumerate().filter(move |(_, n)| n.column == column)
    }

    fn columns(&self) -> usize {
        self.nodes.iter().map(|n| n.column + 1).max().unwrap_or(0)
    }

    fn amount(&self, v: Fen) -> String {
        crate::format::money(self.lang, v)
    }

    pub fn source_line(&self) -> String {
        source_with_sample(&self.source, self.sample, self.lang)
    }

    /// One sentence describing the chart, for `alt` / `aria-label`: each column's nodes and totals.
    pub fn description(&self) -> String {
        let sep = self.lang.pick("，", ", ");
        let columns: Vec<String> =
            (0..self.columns()).map(|c| self.column(c).map(|(_, n)| format!("{} {}", n.label, self.amount(n.value))).collect::<Vec<_>>().join(sep)).collect();
        match self.lang {
            Lang::Zh if columns.is_empty() => format!("{}：没有数据。{}", self.title, self.subtitle),
            Lang::En if columns.is_empty() => format!("{}: no data. {}", self.title, self.subtitle),
            Lang::Zh => format!("{}：{}。{}", self.title, columns.join(" → "), self.subtitle),
            Lang::En => format!("{}: {}. {}", self.title, columns.join(" → "), self.subtitle),
        }
    }

    /// The text alternative: one row per link ("from → to", amount, exact yuan), then one row per
    /// node with its total.
    pub fn table(&self) -> (Vec<String>, Vec<Vec<String>>) {
        let head = vec![
            self.lang.pick("流向或节点", "Flow or node").to_string(),
            self.lang.pick("金额", "Amount").to_string(),
            self.lang.pick("金额（元，精确到分）", "Amount (yuan, to the fen)").to_string(),
        ];
        let label = |i: usize| self.nodes.get(i).map_or("?", |n| n.label.as_str());
        let mut rows: Vec<Vec<String>> = self
            .links
            .iter()
            .map(|l| vec![format!("{} → {}", label(l.from), label(l.to)), self.amount(l.value), crate::format::yuan_grouped(l.value)])
            .collect();
        rows.extend(self.nodes.iter().map(|n| {
            let name = match self.lang {
                Lang::Zh => format!("{}（合计）", n.label),
                Lang::En => format!("{} (total)", n.label),
            };
            vec![name, self.amount(n.value), crate::format::yuan_grouped(n.value)]
        }));
        (head, rows)
    }

    /// Height of the chart drawn at `width`.
    pub fn height(&self, width: u32) -> u32 {
        FlowLayout::new(self, width).height as u32
    }
}

/// Node label size and line height.
const NODE_TEXT: f64 = 13.0;
const NODE_LINE: f64 = 16.0;
/// Horizontal: node thickness, the gap between nodes of a column, the height the largest
/// column's amounts share.
const NODE_W: f64 = 14.0;
const GAP: f64 = 10.0;
const SPAN: f64 = 260.0;
/// Vertical: row thickness, the gap between nodes of a row, a middle node's bar, the height of
/// a layer of bands, a list item's line height.
const ROW_H: f64 = 14.0;
const ROW_GAP: f64 = 6.0;
const HUB_H: f64 = 28.0;
const BANDS_H: f64 = 64.0;
const LIST_LINE: f64 = 18.0;
/// A phone's middle node carries its label in white (its colour must be dark, like [`SLATE`]).
const HUB_TEXT: RGBColor = RGBColor(0xff, 0xff, 0xff);

/// Where a node's label goes.
#[derive(Clone, Debug)]
enum Label {
    /// Lines beside the node (horizontal, first and last columns), anchored at `x` (right-aligned
    /// for the first column), first line's centre at `y`.
    Beside { x: f64, y: f64, right_aligned: bool, lines: Vec<String> },
    /// Lines centred on `x`, first line's centre at `y` (horizontal middle column, above its node).
    Above { x: f64, y: f64, lines: Vec<String> },
    /// One line inside the node (vertical middle row).
    Inside { lines: Vec<String> },
    /// A list item with a swatch at (`x`, `y`) (vertical first and last rows).
    Listed { x: f64, y: f64, lines: Vec<String> },
}

#[derive(Clone, Debug)]
struct NodeBox {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    label: Label,
}

struct FlowLayout {
    width: i32,
    vertical: bool,
    title: Vec<String>,
    subtitle: Vec<String>,
    source: Vec<String>,
    nodes: Vec<NodeBox>,
    /// Pixels per fen along a node's length.
    scale: f64,
    /// Where the plot ends (the source lines follow).
    bottom: f64,
    height: i32,
}

impl FlowLayout {
    fn new(c: &FlowChart, width: u32) -> FlowLayout {
        let vertical = width < FLOW_VERTICAL_BELOW;
        let width = width.clamp(280, 1600) as i32;
        let inner = (width - 2 * PAD) as f64;
        let reserve = if c.sample { 150.0 } else { 0.0 };
        let title = wrap(&c.title, inner - reserve, TITLE);
        let subtitle = wrap(&c.subtitle, inner, SUB);
        let source = wrap(&c.source_line(), inner, SOURCE);
        let top = (14 + title.len() as i32 * 26 + subtitle.len() as i32 * 18 + 12) as f64;
        let (nodes, scale, bottom) = if c.nodes.is_empty() {
            (Vec::new(), 0.0, top + 30.0)
        } else if vertical {
            Self::vertical(c, inner, top)
        } else {
            Self::horizontal(c, inner, top)
        };
        let height = (bottom + 14.0 + source.len() as f64 * 17.0 + 10.0).ceil() as i32;
        FlowLayout { width, vertical, title, subtitle, source, nodes, scale, bottom, height }
    }

    /// The largest column total, the common measure of every column.
    fn max_total(c: &FlowChart) -> i64 {
        (0..c.columns()).map(|k| c.column(k).map(|(_, n)| n.value.0.max(0)).sum::<i64>()).max().unwrap_or(0).max(1)
    }

    fn horizontal(c: &FlowChart, inner: f64, top: f64) -> (Vec<NodeBox>, f64, f64) {
        let cols = c.columns();
        let label_w = (inner * 0.26).clamp(100.0, 240.0);
        let x_of = |k: usize| {
            let (first, last) = (PAD as f64 + label_w, PAD as f64 + inner - label_w - NODE_W);
            if cols <= 1 {
                first
            } else {
                first + (last - first) * k as f64 / (cols - 1) as f64
            }
        };
        let middle_w = if cols > 2 { (x_of(1) - x_of(0)) * 1.6 } else { label_w };
        let scale = SPAN / Self::max_total(c) as f64;
        let amount = |n: &FlowNode| c.amount(n.value);
        let mut boxes: Vec<Option<NodeBox>> = vec![None; c.nodes.len()];
        let mut bottom = top;
        // Each column's slots (a node and its label), then the column centred on the tallest.
        let mut columns: Vec<(Vec<(usize, f64, f64, Vec<String>)>, f64)> = Vec::new();
        for k in 0..cols {
            let edge = k == 0 || k + 1 == cols;
            let mut slots = Vec::new();
            let mut h_col = 0.0;
            for (i, n) in c.column(k) {
                let mut lines = wrap(&n.label, if edge { label_w - 8.0 } else { middle_w - 8.0 }, NODE_TEXT);
                lines.push(amount(n));
                let text_h = lines.len() as f64 * NODE_LINE;
                let h = (n.value.0.max(0) as f64 * scale).max(1.0);
                let slot = if edge { h.max(text_h) } else { h + text_h + 4.0 };
                if !slots.is_empty() {
                    h_col += GAP;
                }
                h_col += slot;
                slots.push((i, h, slot, lines));
            }
            columns.push((slots, h_col));
        }
        let plot_h = columns.iter().map(|(_, h)| *h).fold(0.0, f64::max);
        for (k, (slots, h_col)) in columns.into_iter().enumerate() {
            let edge = k == 0 || k + 1 == cols;
            let x0 = x_of(k);
            let mut y = top + (plot_h - h_col) / 2.0;
            for (i, h, slot, lines) in slots {
                let text_h = lines.len() as f64 * NODE_LINE;
                let (y0, label) = if edge {
                    let y0 = y + (slot - h) / 2.0;
                    let first = y + (slot - text_h) / 2.0 + NODE_LINE / 2.0;
                    let label = if k == 0 {
                        Label::Beside { x: x0 - 6.0, y: first, right_aligned: true, lines }
                    } else {
                        Label::Beside { x: x0 + NODE_W + 6.0, y: first, right_aligned: false, lines }
                    };
                    (y0, label)
                } else {
                    (y + text_h + 4.0, Label::Above { x: x0 + NODE_W / 2.0, y: y + NODE_LINE / 2.0, lines })
                };
                boxes[i] = Some(NodeBox { x0, y0, x1: x0 + NODE_W, y1: y0 + h, label });
                y += slot + GAP;
            }
            bottom = bottom.max(top + plot_h);
        }
        (boxes.into_iter().map(|b| b.expect("every node is in a column")).collect(), scale, bottom)
    }

    fn vertical(c: &FlowChart, inner: f64, top: f64) -> (Vec<NodeBox>, f64, f64) {
        let cols = c.columns();
        let widest = (0..cols).map(|k| c.column(k).count()).max().unwrap_or(1).max(1);
        let scale = (inner - ROW_GAP * (widest - 1) as f64) / Self::max_total(c) as f64;
        let mut boxes: Vec<Option<NodeBox>> = vec![None; c.nodes.len()];
        let list_w = inner - 20.0;
        let item = |n: &FlowNode| {
            let text = match c.lang {
                Lang::Zh => format!("{}：{}", n.label, c.amount(n.value)),
                Lang::En => format!("{}: {}", n.label, c.amount(n.value)),
            };
            wrap(&text, list_w, NODE_TEXT)
        };
        let mut y = top;
        for k in 0..cols {
            let first = k == 0;
            let last = k + 1 == cols && cols > 1;
            let thick = if first || last { ROW_H } else { HUB_H };
            // The first row's labels come before it.
            if first {
                for (i, n) in c.column(k) {
                    let lines = item(n);
                    let h = lines.len() as f64 * LIST_LINE;
                    boxes[i] = Some(NodeBox { x0: 0.0, y0: 0.0, x1: 0.0, y1: 0.0, label: Label::Listed { x: PAD as f64, y: y + LIST_LINE / 2.0, lines } });
                    y += h;
                }
                y += 6.0;
            }
            let row: Vec<(usize, f64)> = c.column(k).map(|(i, n)| (i, (n.value.0.max(0) as f64 * scale).max(1.0))).collect();
            let row_w = row.iter().map(|(_, w)| w).sum::<f64>() + ROW_GAP * (row.len().saturating_sub(1)) as f64;
            let mut x = PAD as f64 + (inner - row_w) / 2.0;
            for (i, w) in row {
                let label = match boxes[i].take() {
                    Some(NodeBox { label, .. }) => label,
                    None if last => Label::Listed { x: 0.0, y: 0.0, lines: Vec::new() },
                    None => Label::Inside { lines: vec![format!("{} {}", c.nodes[i].label, c.amount(c.nodes[i].value))] },
                };
                boxes[i] = Some(NodeBox { x0: x, y0: y, x1: x + w, y1: y + thick, label });
                x += w + ROW_GAP;
            }
            y += thick;
            if k + 1 < cols {
                y += BANDS_H;
            }
            // The last row's labels come after it.
            if last {
                y += 8.0;
                for (i, n) in c.column(k) {
                    let lines = item(n);
                    let h = lines.len() as f64 * LIST_LINE;
                    if let Some(b) = boxes[i].as_mut() {
                        b.label = Label::Listed { x: PAD as f64, y: y + LIST_LINE / 2.0, lines };
                    }
                    y += h;
                }
            }
        }
        (boxes.into_iter().map(|b| b.expect("every node is in a row")).collect(), scale, y)
    }
}

/// `c` mixed with white: `keep` parts in 100 of the colour.
fn tint(c: Rgb, keep: u16) -> RGBColor {
    let mix = |v: u8| (255 - (255 - v as u16) * keep / 100) as u8;
    RGBColor(mix(c.0), mix(c.1), mix(c.2))
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// A band's outline: from the segment `a0..a1` on one node's edge to `b0..b1` on the other's,
/// along a smooth S (cubic Bézier, eased at both ends). `across` is the position along the flow
/// (x when horizontal, y when vertical) at both ends.
fn band(vertical: bool, from: f64, to: f64, a: (f64, f64), b: (f64, f64)) -> Vec<(i32, i32)> {
    const STEPS: usize = 24;
    let ease = |t: f64| t * t * (3.0 - 2.0 * t);
    let point = |along: f64, side: f64| if vertical { (side.round() as i32, along.round() as i32) } else { (along.round() as i32, side.round() as i32) };
    let mut pts = Vec::with_capacity(2 * STEPS + 2);
    for s in 0..=STEPS {
        let t = s as f64 / STEPS as f64;
        pts.push(point(from + (to - from) * t, a.0 + (b.0 - a.0) * ease(t)));
    }
    for s in (0..=STEPS).rev() {
        let t = s as f64 / STEPS as f64;
        pts.push(point(from + (to - from) * t, a.1 + (b.1 - a.1) * ease(t)));
    }
    pts
}

/// Draws `chart` onto `area`, laid out for `width` (the area should be `width` × `chart.height(width)`).
pub fn draw_flow<DB: DrawingBackend>(chart: &FlowChart, area: &DrawingArea<DB, Shift>, width: u32) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let l = FlowLayout::new(chart, width);
    area.fill(&WHITE)?;
    let w = l.width;
    let at = |h: HPos, col: RGBColor, size: f64| font(size).color(&col).pos(Pos::new(h, VPos::Center));
    let mut y = 27;
    for line in &l.title {
        area.draw(&Text::new(line.clone(), (PAD, y), font(TITLE).style(FontStyle::Bold).color(&INK).pos(Pos::new(HPos::Left, VPos::Center))))?;
        y += 26;
    }
    y -= 4;
    for line in &l.subtitle {
        area.draw(&Text::new(line.clone(), (PAD, y), at(HPos::Left, MUTED, SUB)))?;
        y += 18;
    }
    if chart.sample {
        area.draw(&Text::new(
            "示例数据 SAMPLE DATA".to_string(),
            (w - PAD, 27),
            font(13.0).style(FontStyle::Bold).color(&rgb(RED)).pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
    }
    if chart.nodes.is_empty() {
        let text = chart.lang.pick("当前筛选中没有可以画出的款项", "Nothing to draw in the current filter");
        area.draw(&Text::new(text.to_string(), (PAD, (l.bottom - 15.0) as i32), at(HPos::Left, MUTED, NODE_TEXT)))?;
    }

    // Bands first, under the nodes: each stacked along its node's edge in link order.
    let middle = |i: usize| chart.nodes[i].column > 0 && chart.nodes[i].column + 1 < chart.columns();
    let mut out_at: Vec<f64> = l.nodes.iter().map(|b| if l.vertical { b.x0 } else { b.y0 }).collect();
    let mut in_at = out_at.clone();
    for link in &chart.links {
        let (Some(a), Some(b)) = (l.nodes.get(link.from), l.nodes.get(link.to)) else { continue };
        let t = link.value.0.max(0) as f64 * l.scale;
        let (s0, s1) = (out_at[link.from], out_at[link.from] + t);
        let (e0, e1) = (in_at[link.to], in_at[link.to] + t);
        out_at[link.from] = s1;
        in_at[link.to] = e1;
        // Thin bands stay visible.
        let (s1, e1) = (s1.max(s0 + 1.0), e1.max(e0 + 1.0));
        let (from, to) = if l.vertical { (a.y1, b.y0) } else { (a.x1, b.x0) };
        // The band is tinted with the colour of the node it leaves, or for a middle node's
        // outflows with the colour of where they go (so the uses can be told apart).
        let color = if middle(link.from) { chart.nodes[link.to].color } else { chart.nodes[link.from].color };
        area.draw(&Polygon::new(band(l.vertical, from, to, (s0, s1), (e0, e1)), tint(color, 35).filled()))?;
    }

    for (n, b) in chart.nodes.iter().zip(&l.nodes) {
        let (x0, y0, x1, y1) = (b.x0.round() as i32, b.y0.round() as i32, b.x1.round() as i32, b.y1.round() as i32);
        area.draw(&Rectangle::new([(x0, y0), (x1.max(x0 + 1), y1.max(y0 + 1))], rgb(n.color).filled()))?;
        match &b.label {
            Label::Beside { x, y, right_aligned, lines } => {
                let h = if *right_aligned { HPos::Right } else { HPos::Left };
                for (k, line) in lines.iter().enumerate() {
                    let style = if k + 1 == lines.len() { at(h, MUTED, NODE_TEXT) } else { at(h, INK, NODE_TEXT) };
                    area.draw(&Text::new(line.clone(), (x.round() as i32, (y + NODE_LINE * k as f64).round() as i32), style))?;
                }
            }
            Label::Above { x, y, lines } => {
                for (k, line) in lines.iter().enumerate() {
                    let style = if k + 1 == lines.len() { at(HPos::Center, MUTED, NODE_TEXT) } else { at(HPos::Center, INK, NODE_TEXT) };
                    area.draw(&Text::new(line.clone(), (x.round() as i32, (y + NODE_LINE * k as f64).round() as i32), style))?;
                }
            }
            Label::Inside { lines } => {
                let cx = ((b.x0 + b.x1) / 2.0).round() as i32;
                let cy = ((b.y0 + b.y1) / 2.0).round() as i32;
                for line in lines {
                    area.draw(&Text::new(
                        line.clone(),
                        (cx, cy),
                        font(NODE_TEXT).style(FontStyle::Bold).color(&HUB_TEXT).pos(Pos::new(HPos::Center, VPos::Center)),
                    ))?;
                }
            }
            Label::Listed { x, y, lines } => {
                let (sx, sy) = (x.round() as i32, y.round() as i32);
                area.draw(&Rectangle::new([(sx, sy - 6), (sx + 12, sy + 6)], rgb(n.color).filled()))?;
                for (k, line) in lines.iter().enumerate() {
                    area.draw(&Text::new(line.clone(), (sx + 20, (y + LIST_LINE * k as f64).round() as i32), at(HPos::Left, INK, NODE_TEXT)))?;
                }
            }
        }
    }

    let mut y = l.bottom + 14.0 + 8.0;
    for line in &l.source {
        area.draw(&Text::new(line.clone(), (PAD, y.round() as i32), at(HPos::Left, MUTED, SOURCE)))?;
        y += 17.0;
    }
    Ok(())
}

/// Renders `chart` at `width` as a standalone SVG document.
pub fn flow_to_svg(chart: &FlowChart, width: u32) -> String {
    super::svg_document(width, |w| chart.height(w), |root, w| draw_flow(chart, root, w))
}

/// The widest line of `lines` at `size` px, estimated as [`wrap`] does.
#[cfg(test)]
fn widest(lines: &[String], size: f64) -> f64 {
    lines.iter().map(|l| super::text_w(l, size)).fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{AMBER, GREEN, SLATE};

    fn node(label: &str, yuan: i64, column: usize, color: Rgb) -> FlowNode {
        FlowNode { label: label.into(), value: Fen::from_yuan(yuan), column, color }
    }

    fn chart() -> FlowChart {
        FlowChart {
            title: "款项流向".into(),
            subtitle: "测试".into(),
            source: "来源：测试".into(),
            sample: false,
            nodes: vec![
                node("银行转账", 300, 0, GREEN),
                node("现金", 100, 0, AMBER),
                node("款项合计", 400, 1, SLATE),
                node("救助", 250, 2, GREEN),
                node("结余", 150, 2, AMBER),
            ],
            links: vec![
                FlowLink { from: 0, to: 2, value: Fen::from_yuan(300) },
                FlowLink { from: 1, to: 2, value: Fen::from_yuan(100) },
                FlowLink { from: 2, to: 3, value: Fen::from_yuan(250) },
                FlowLink { from: 2, to: 4, value: Fen::from_yuan(150) },
            ],
            lang: Lang::Zh,
        }
    }

    #[test]
    fn a_sound_chart_has_no_imbalance_and_a_dropped_link_is_one() {
        let c = chart();
        assert!(c.imbalances().is_empty(), "{:?}", c.imbalances());
        let mut broken = c.clone();
        broken.links.remove(1);
        assert_eq!(broken.imbalances().len(), 2, "现金 has no link, and 款项合计's inflows fall short: {:?}", broken.imbalances());
        let mut short = c.clone();
        short.links.remove(3);
        let found = short.imbalances();
        assert_eq!(found.len(), 2, "结余 has no link, and 款项合计's outflows fall short: {found:?}");
        assert!(found.iter().any(|p| p.contains("links out add up to")), "{found:?}");
        let mut backwards = c;
        backwards.links[2] = FlowLink { from: 3, to: 2, value: Fen::from_yuan(250) };
        assert!(backwards.imbalances().iter().any(|p| p.contains("later column")));
    }

    #[test]
    fn both_layouts_draw_every_node_band_and_label() {
        let c = chart();
        for width in [360, 390, 640, 960] {
            let svg = flow_to_svg(&c, width);
            assert!(svg.starts_with("<svg"));
            assert_eq!(svg.matches("<polygon").count(), 4, "{width}: one band per link");
            for piece in ["银行转账", "现金", "款项合计", "救助", "结余", "400元", "150元", "来源：测试"] {
                assert!(svg.contains(piece), "{width}: {piece} missing");
            }
            let l = FlowLayout::new(&c, width);
            assert_eq!(l.vertical, width < 600, "{width}");
            for b in &l.nodes {
                assert!(b.x0 >= PAD as f64 - 0.01 && b.x1 <= (width as i32 - PAD) as f64 + 0.01, "{width}: a node leaves the chart: {b:?}");
                assert!(b.y1 <= l.bottom + 0.01);
            }
        }
    }

    #[test]
    fn wide_labels_stay_inside_the_chart_and_narrow_lists_wrap() {
        let mut c = chart();
        c.lang = Lang::En;
        c.nodes[1].label = "Online fundraising platform with a long name".into();
        c.nodes[4].label = "Unspent balance (received less spent)".into();
        let width = 640;
        let l = FlowLayout::new(&c, width);
        for b in &l.nodes {
            match &b.label {
                Label::Beside { x, right_aligned: true, lines, .. } => assert!(x - widest(lines, NODE_TEXT) >= 0.0, "{lines:?} starts left of the chart"),
                Label::Beside { x, right_aligned: false, lines, .. } => {
                    assert!(x + widest(lines, NODE_TEXT) <= width as f64, "{lines:?} ends right of the chart")
                }
                _ => {}
            }
        }
        let l = FlowLayout::new(&c, 360);
        for b in &l.nodes {
            if let Label::Listed { x, lines, .. } = &b.label {
                assert!(x + 20.0 + widest(lines, NODE_TEXT) <= (360 - PAD) as f64 + 0.01, "{lines:?}");
            }
        }
    }

    #[test]
    fn as_one_of_the_charts_it_is_credited_and_tabled_like_the_others() {
        let credit = crate::chart::Credit {
            publisher: "某红十字会".into(),
            dataset: "捐赠收入".into(),
            as_of: "2023-12-31".into(),
            permalink: "https://example.org/?page=donations".into(),
        };
        let plain = crate::chart::Chart::Flow(chart());
        let c = plain.credited(&credit);
        for width in [390, 960] {
            let svg = c.to_svg(width);
            assert!(svg.contains("发布：某红十字会") && svg.contains("捐赠收入") && svg.contains("来源：测试"), "{width}");
            assert!(c.height(width) > plain.height(width), "{width}: the footer gets its own lines");
        }
        assert_eq!(c.title(), "款项流向");
        assert_eq!(plain.table(), chart().table());
        assert_eq!(plain.lang(), Lang::Zh);
    }

    #[test]
    fn an_empty_chart_says_so() {
        let mut c = chart();
        c.nodes.clear();
        c.links.clear();
        let svg = flow_to_svg(&c, 390);
        assert!(svg.contains("当前筛选中没有可以画出的款项"));
        assert!(c.description().contains("没有数据"));
        assert_eq!(c.table().1.len(), 0);
    }

    #[test]
    fn the_table_lists_links_then_node_totals_to_the_fen() {
        let mut c = chart();
        c.nodes[0].value = Fen(30_000_001);
        c.links[0].value = Fen(30_000_001);
        let (head, rows) = c.table();
        assert_eq!(head.len(), 3);
        assert_eq!(rows.len(), 4 + 5);
        assert_eq!(rows[0], vec!["银行转账 → 款项合计".to_string(), "30万元".into(), "300,000.01".into()]);
        assert_eq!(rows[4][0], "银行转账（合计）");
        assert!(c.description().starts_with("款项流向：银行转账 30万元，现金 100元 → 款项合计"), "{}", c.description());
    }
}
