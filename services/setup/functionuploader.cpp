#include "functionuploader.h"

#include "operationerrors.h"
#include "serverlessapi.h"
#include "setuprun.h"
#include "twilioclient.h"
#include "validation.h"

#include <QCryptographicHash>

namespace {

// Journal keys are lower-case; function SIDs are unique across Twilio, so keys per function
// SID never mix up two services.
QString functionKey(const QString &functionSid, const char *field)
{
    return QStringLiteral("fn.%1.%2").arg(functionSid.toLower(), QLatin1String(field));
}

QString contentHash(const FunctionSource &function)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(function.path.toUtf8() + '\n' + function.visibility.toUtf8() + '\n');
    hash.addData(function.content);
    return QString::fromLatin1(hash.result().toHex());
}

TwilioError badAnswer(const QString &message)
{
    return TwilioError::make(TwilioError::Kind::BadResponse, message);
}

} // namespace

FunctionUploader::FunctionUploader(TwilioClient *client, SetupRun *recorder, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_run(recorder)
{}

QString FunctionUploader::versionKey(const QString &functionSid)
{
    return functionKey(functionSid, "version");
}

void FunctionUploader::start(const QString &serviceSid, const QVector<FunctionSource> &functions)
{
    m_serviceSid = serviceSid;
    m_sources = functions;
    m_functionSid.clear();
    m_chosen.clear();
    m_uploadedEarlier.clear();
    m_running = true;
    m_call = m_client->serverless().listFunctions(
        m_serviceSid, this, [this](const TwilioResult<QList<ServerlessFunction>> &result) {
            if (!m_running)
                return;
            if (!result.ok()) {
                fail(tr("Listing the functions"), result.error);
                return;
            }
            m_functions = result.value;
            for (const ServerlessFunction &function : std::as_const(m_functions)) {
                const QString version = m_run->value(versionKey(function.sid));
                if (Validation::isSid(function.sid, "ZH") && Validation::isSid(version, "ZN"))
                    m_uploadedEarlier.insert(function.sid, version);
            }
            ensureFunction(0);
        });
}

void FunctionUploader::cancel()
{
    m_running = false;
    m_call.cancel();
}

void FunctionUploader::fail(const QString &what, const TwilioError &error)
{
    failWith(toOperationError(what, error));
}

void FunctionUploader::failWith(const OperationError &error)
{
    m_running = false;
    emit failed(error);
}

void FunctionUploader::ensureFunction(int index)
{
    if (index >= m_sources.size()) {
        uploadVersion(0);
        return;
    }
    const QString name = m_sources.at(index).name;
    for (const ServerlessFunction &function : std::as_const(m_functions)) {
        if (function.friendlyName == name && Validation::isSid(function.sid, "ZH")) {
            m_functionSid.insert(name, function.sid);
            ensureFunction(index + 1);
            return;
        }
    }
    const auto call = m_run->track<ServerlessFunction>(
        SetupChange{QStringLiteral("create_function"), name, {}, name},
        [this, name](TwilioCallback<ServerlessFunction> done) {
            return m_client->serverless().createFunction(m_serviceSid, name, this, std::move(done));
        },
        [this, index, name](const TwilioResult<ServerlessFunction> &result) {
            if (!m_running)
                return;
            const QString what = tr("Creating the function %1").arg(name);
            if (!result.ok())
                fail(what, result.error);
            else if (!Validation::isSid(result.value.sid, "ZH"))
                fail(what, badAnswer(tr("Twilio's answer carries no valid function SID.")));
            else {
                m_functionSid.insert(name, result.value.sid);
                ensureFunction(index + 1);
            }
        });
    if (call)
        m_call = *call;
    else
        failWith(makeOperationError(m_run->errorString()));
}

void FunctionUploader::uploadVersion(int index)
{
    if (index >= m_sources.size()) {
        m_running = false;
        emit ready(m_chosen, m_uploadedEarlier);
        return;
    }
    const FunctionSource &source = m_sources.at(index);
    const QString functionSid = m_functionSid.value(source.name);
    const QString hash = contentHash(source);
    const QString known = m_run->value(functionKey(functionSid, "version"));
    if (m_run->value(functionKey(functionSid, "hash")) == hash && Validation::isSid(known, "ZN")) {
        // The same code was uploaded before: that version can be built again as it is.
        m_chosen.insert(functionSid, known);
        uploadVersion(index + 1);
        return;
    }
    FunctionVersionUpload upload;
    upload.path = source.path;
    upload.visibility = source.visibility;
    upload.fileName = source.name + QStringLiteral(".js");
    upload.content = source.content;
    const auto call = m_run->track<FunctionVersion>(
        SetupChange{QStringLiteral("upload_function_version"),
                    QStringLiteral("%1 %2 sha256:%3").arg(functionSid, source.path, hash), known,
                    QStringLiteral("sha256:") + hash},
        [this, functionSid, upload](TwilioCallback<FunctionVersion> done) {
            return m_client->serverless().uploadFunctionVersion(m_serviceSid, functionSid, upload,
                                                                this, std::move(done));
        },
        [this, index, functionSid, hash,
         name = source.name](const TwilioResult<FunctionVersion> &result) {
            if (!m_running)
                return;
            const QString what = tr("Uploading the code of %1").arg(name);
            if (!result.ok()) {
                fail(what, result.error);
                return;
            }
            if (!Validation::isSid(result.value.sid, "ZN")) {
                fail(what, badAnswer(tr("Twilio's answer carries no valid version SID.")));
                return;
            }
            m_run->setValue(functionKey(functionSid, "version"), result.value.sid);
            m_run->setValue(functionKey(functionSid, "hash"), hash);
            m_chosen.insert(functionSid, result.value.sid);
            uploadVersion(index + 1);
        });
    if (call)
        m_call = *call;
    else
        failWith(makeOperationError(m_run->errorString()));
}
