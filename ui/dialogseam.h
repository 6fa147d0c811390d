#pragma once

#include <QQueue>
#include <QString>
#include <QStringList>

#include <functional>

class QObject;
class QWidget;

// Every question the wizard asks in a dialog goes through here, asynchronously: the dialog is
// opened with open() (window-modal, no nested event loop) and the answer comes back through a
// callback. Tests queue answers beforehand; a queued answer is delivered from the event loop
// without showing anything, so a test never blocks on a modal dialog.
class DialogSeam
{
public:
    using ChoiceCallback = std::function<void(int choice)>;
    using FileCallback = std::function<void(const QString &path)>;

    // Shows `text` with one button per entry of `buttons` (mnemonics allowed) and calls `done`
    // with the index chosen, or -1 when the dialog was dismissed. `done` is not called once
    // `context` is destroyed.
    static void choose(QWidget *parent, const QString &title, const QString &text,
                       const QStringList &buttons, int defaultIndex, QObject *context,
                       ChoiceCallback done);
    // A plain notice with an OK button; nothing to answer.
    static void inform(QWidget *parent, const QString &title, const QString &text);
    // Asks where to save a file; `done` receives an empty path when the user cancelled.
    static void saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                             const QString &filter, QObject *context, FileCallback done);

    // ---- For tests ----
    static void setNextChoice(int choice);
    static void setNextFileName(const QString &path);
    // "title: text" of every question asked since the last clear, newest last.
    static QStringList askedQuestions();
    static void clear();

private:
    static QQueue<int> s_choices;
    static QQueue<QString> s_fileNames;
    static QStringList s_asked;
};
