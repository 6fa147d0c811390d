#pragma once

#include <QWidget>

class QListWidget;
class QPushButton;
class QVBoxLayout;

// Several values of one kind that the user carries to another system (the edge variants of a
// SIP URI): a read-only list a few rows tall whatever the number of values, so a long list
// scrolls instead of squeezing the page. Copy (or Ctrl+C in the list) puts the selected value
// on the clipboard; Copy all puts every value there, one per line.
class CopyList : public QWidget
{
    Q_OBJECT
public:
    // Children are named "<objectName>List", "<objectName>Copy" and "<objectName>CopyAll".
    CopyList(const QString &objectName, const QString &accessibleName, QWidget *parent = nullptr);

    void setValues(const QStringList &values);
    QStringList values() const;
    QListWidget *list() const { return m_list; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *copyAllButton() const { return m_copyAll; }

    static constexpr int MaxVisibleRows = 4;

private:
    void copySelected();
    void fitHeight();

    QListWidget *m_list;
    QPushButton *m_copy;
    QPushButton *m_copyAll;
    QVBoxLayout *m_buttons;
};
