#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;

// A line edit with its problem shown right under it as the user types. The check is a function
// returning an empty string for acceptable input or the sentence to show (the shape of
// Validation::checkSid and friends), so pages state the rule and this widget only displays it.
class ValidatedField : public QWidget
{
    Q_OBJECT
public:
    using Check = std::function<QString(const QString &text)>;

    ValidatedField(const QString &objectName, const QString &accessibleName, Check check,
                   QWidget *parent = nullptr);

    QLineEdit *lineEdit() const { return m_edit; }
    QString text() const;
    void setText(const QString &text);
    // Empty input is neither shown as an error nor valid: the page decides whether it may be.
    bool isValid() const;
    bool isEmpty() const;
    QString problem() const;

signals:
    void changed();

private:
    void recheck();

    QLineEdit *m_edit;
    QLabel *m_message;
    Check m_check;
};
