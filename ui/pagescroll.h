#pragma once

class QVBoxLayout;
class QWidget;

// Pages whose content grows with a result (deploy results, the cut-over sheet) scroll rather
// than squeeze: a layout squeezed below its minimum clips the text of line edits and crushes
// buttons. install() gives `page` a frameless QScrollArea and returns the layout of the widget
// inside it, where the page puts its content; the content is never made smaller than its
// minimum size, and takes any extra height the page has.
namespace PageScroll {

QVBoxLayout *install(QWidget *page);

} // namespace PageScroll
