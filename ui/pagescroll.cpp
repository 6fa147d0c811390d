#include "pagescroll.h"

#include <QScrollArea>
#include <QVBoxLayout>

namespace PageScroll {

QVBoxLayout *install(QWidget *page)
{
    auto *scroll = new QScrollArea(page);
    scroll->setObjectName(page->objectName() + QStringLiteral("Scroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    // Tab moves between the controls inside; QScrollArea scrolls the focused one into view.
    scroll->setFocusPolicy(Qt::NoFocus);
    auto *content = new QWidget(scroll);
    content->setObjectName(page->objectName() + QStringLiteral("Content"));
    scroll->setWidget(content);
    // The page's background shows through, not the viewport's base colour (setWidget() turned
    // the content's filling on).
    scroll->viewport()->setAutoFillBackground(false);
    content->setAutoFillBackground(false);

    auto *outer = new QVBoxLayout(page);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    // The content keeps the page's usual margins; the scroll bar sits at the page's edge.
    return new QVBoxLayout(content);
}

} // namespace PageScroll
