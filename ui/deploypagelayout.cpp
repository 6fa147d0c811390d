#include "deploypagelayout.h"

#include "deployresultview.h"
#include "operationprogress.h"
#include "pagescroll.h"
#include "recentcallsview.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace DeployPageLayout {

void setUpErrorLabel(QLabel *error, const QString &objectName)
{
    error->setObjectName(objectName);
    error->setAccessibleName(QCoreApplication::translate("DeployPageLayout", "Deploy error"));
    error->setWordWrap(true);
    error->setTextFormat(Qt::RichText);
    error->setOpenExternalLinks(true);
    error->setTextInteractionFlags(Qt::TextBrowserInteraction);
}

void install(QWidget *page, QWidget *options, QPushButton *deploy, OperationProgress *progress,
             QLabel *error, DeployResultView *result, RecentCallsView *calls, QWidget *extra)
{
    auto *deployRow = new QHBoxLayout;
    deployRow->addWidget(deploy);
    deployRow->addWidget(progress, 1);
    deployRow->addStretch(); // keeps the button its own size while no progress shows

    QVBoxLayout *layout = PageScroll::install(page);
    layout->addWidget(options);
    layout->addLayout(deployRow);
    layout->addWidget(error);
    layout->addWidget(result);
    if (extra)
        layout->addWidget(extra);
    layout->addWidget(calls, 1);
}

} // namespace DeployPageLayout
