#pragma once

class DeployResultView;
class OperationProgress;
class QLabel;
class QPushButton;
class QString;
class QWidget;
class RecentCallsView;

// The deploy pages (steps 1 and 2) look alike below their options: a deploy button with its
// progress, the error, the result and the recent calls. Written once so both pages keep the
// same layout and the same clickable error text.
namespace DeployPageLayout {

// The label a failed deployment is shown in: rich text whose links (Twilio error pages) open.
void setUpErrorLabel(QLabel *error, const QString &objectName);

// Puts the page's content in a scrolling layout (PageScroll): options, then the deploy row,
// the error, the result, `extra` (when given) and the calls, which take any extra height.
void install(QWidget *page, QWidget *options, QPushButton *deploy, OperationProgress *progress,
             QLabel *error, DeployResultView *result, RecentCallsView *calls,
             QWidget *extra = nullptr);

} // namespace DeployPageLayout
