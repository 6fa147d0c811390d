#include "copyfeedback.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QPushButton>
#include <QTimer>

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CopyFeedback)
};
constexpr int kShownMs = 1500;
const char kOriginalText[] = "tmCopyOriginalText";
} // namespace

namespace CopyFeedback {

void copy(QPushButton *button, const QString &text)
{
    QGuiApplication::clipboard()->setText(text);
    if (!button)
        return;
    // A second click while "Copied" shows must not make "Copied" the button's lasting text.
    if (!button->property(kOriginalText).isValid()) {
        button->setProperty(kOriginalText, button->text());
        button->setMinimumWidth(button->sizeHint().width()); // the layout does not jump
    }
    button->setText(Tr::tr("Copied"));
    QTimer::singleShot(kShownMs, button, [button] {
        const QVariant original = button->property(kOriginalText);
        if (!original.isValid())
            return;
        button->setText(original.toString());
        button->setProperty(kOriginalText, QVariant());
    });
}

} // namespace CopyFeedback
