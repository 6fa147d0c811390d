#pragma once

#include <QWidget>

class QLineEdit;
class QPushButton;

// A value the user has to carry to another system (a SIP URI, a handler URL): shown read-only
// so it can be selected, with a button that puts it on the clipboard.
class CopyField : public QWidget
{
    Q_OBJECT
public:
    CopyField(const QString &objectName, const QString &accessibleName, QWidget *parent = nullptr);

    void setValue(const QString &value);
    QString value() const;
    QPushButton *copyButton() const { return m_copy; }

private:
    QLineEdit *m_value;
    QPushButton *m_copy;
};
