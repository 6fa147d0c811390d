#pragma once

#include <QTableView>

// The step-4 table: column widths worked out from what the columns can hold (an E.164 number,
// a SID, the longest state word) rather than from the rows shown, so a filter that matches
// nothing, or a page change, never collapses them; Space ticks the current row from any
// column. The columns stay resizable and every cell shows its full text in a tooltip.
class NumberTableView : public QTableView
{
    Q_OBJECT
public:
    explicit NumberTableView(QWidget *parent = nullptr);

    // The width the columns take together, for the window's default size.
    int contentWidth() const;
    void setModel(QAbstractItemModel *model) override;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fitColumns();
};
