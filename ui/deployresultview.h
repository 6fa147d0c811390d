#pragma once

#include <QWidget>

class CopyField;
class QFormLayout;
class QLabel;

// The outcome of a deploy step as a form of values to copy (domain, SIP URIs, handler URL) and
// a note for what the user must still do by hand (self-hosted handlers). Rows are rebuilt on
// each result; each value gets a stable objectName from its key. Long lists of values go in a
// list a few rows tall, so the form keeps its height however many values there are.
class DeployResultView : public QWidget
{
    Q_OBJECT
public:
    explicit DeployResultView(const QString &objectName, QWidget *parent = nullptr);

    void clear();
    // `key` names the row's widgets: "<objectName>-<key>" (e.g. inboundResult-sipUri0).
    void addValue(const QString &key, const QString &label, const QString &value);
    // Several values of one kind in a compact list (CopyList) named "<objectName>-<key>".
    void addList(const QString &key, const QString &label, const QStringList &values);
    void setNote(const QString &note);
    QString note() const;

private:
    QFormLayout *m_form;
    QLabel *m_note;
};
