#include "dialogseam.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTimer>

QQueue<int> DialogSeam::s_choices;
QQueue<QString> DialogSeam::s_fileNames;
QStringList DialogSeam::s_asked;

void DialogSeam::choose(QWidget *parent, const QString &title, const QString &text,
                        const QStringList &buttons, int defaultIndex, QObject *context,
                        ChoiceCallback done)
{
    s_asked.append(title + QStringLiteral(": ") + text);
    if (!s_choices.isEmpty()) {
        const int answer = s_choices.dequeue();
        QTimer::singleShot(0, context, [done, answer] { done(answer); });
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("questionBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QList<QPushButton *> added;
    for (int i = 0; i < buttons.size(); ++i) {
        // The last button dismisses, so Escape means "no" rather than nothing.
        const auto role =
            i == buttons.size() - 1 ? QMessageBox::RejectRole : QMessageBox::AcceptRole;
        added.append(box->addButton(buttons.at(i), role));
    }
    if (defaultIndex >= 0 && defaultIndex < added.size())
        box->setDefaultButton(added.at(defaultIndex));
    QPointer<QObject> guard(context);
    QObject::connect(box, &QMessageBox::finished, box, [box, added, guard, done](int) {
        if (!guard)
            return;
        done(added.indexOf(static_cast<QPushButton *>(box->clickedButton())));
    });
    box->open();
}

void DialogSeam::inform(QWidget *parent, const QString &title, const QString &text)
{
    s_asked.append(title + QStringLiteral(": ") + text);
    if (!s_choices.isEmpty()) {
        s_choices.dequeue();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, parent);
    box->setObjectName(QStringLiteral("noticeBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void DialogSeam::saveFileName(QWidget *parent, const QString &caption, const QString &suggested,
                              const QString &filter, QObject *context, FileCallback done)
{
    s_asked.append(caption);
    if (!s_fileNames.isEmpty()) {
        const QString path = s_fileNames.dequeue();
        QTimer::singleShot(0, context, [done, path] { done(path); });
        return;
    }
    auto *dialog = new QFileDialog(parent, caption, suggested, filter);
    dialog->setObjectName(QStringLiteral("saveFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    QPointer<QObject> guard(context);
    QObject::connect(dialog, &QFileDialog::finished, dialog, [dialog, guard, done](int result) {
        if (!guard)
            return;
        const QStringList files = dialog->selectedFiles();
        done(result == QDialog::Accepted && !files.isEmpty() ? files.constFirst() : QString());
    });
    dialog->open();
}

void DialogSeam::setNextChoice(int choice)
{
    s_choices.enqueue(choice);
}

void DialogSeam::setNextFileName(const QString &path)
{
    s_fileNames.enqueue(path);
}

QStringList DialogSeam::askedQuestions()
{
    return s_asked;
}

void DialogSeam::clear()
{
    s_choices.clear();
    s_fileNames.clear();
    s_asked.clear();
}
