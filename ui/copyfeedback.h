#pragma once

#include <QString>

class QPushButton;

// Puts text on the clipboard and says so on the button that did it ("Copied" for a moment),
// so a click or Space on a copy button is never silent.
namespace CopyFeedback {

void copy(QPushButton *button, const QString &text);

} // namespace CopyFeedback
