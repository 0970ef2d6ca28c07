"""Every ``system.*`` function of Ignition 8.1, by module, and which are Vision-only.

The names come from the 8.1 scripting API (the ignition-api 8.1 stubs,
cross-checked against the 8.1 manual's function pages). Scopes follow the
manual: :data:`CLIENT_ONLY_MODULES` exist only in a Vision client,
:data:`GATEWAY_ONLY_MODULES` never there, and :data:`CLIENT_ONLY` lists the
Vision-only functions of modules both scopes have (the ones 8.3 moved to
``system.vision``, plus the dialogs and exports that need a screen).
"""

from __future__ import annotations


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTIONS: dict[str, frozenset[str]] = {
    "system.alarm": _names(
        "acknowledge cancel createRoster getRosters getShelvedPaths listPipelines "
        "queryJournal queryStatus shelve unshelve "
    ),
    "system.bacnet": _names(
        "readRaw readRawMultiple synchronizeTime synchronizeTimeUtc writeRaw "
        "writeRawMultiple writeWithPriority "
    ),
    "system.dataset": _names(
        "addColumn addRow addRows appendDataset clearDataset dataSetToHTML deleteRow "
        "deleteRows exportCSV exportExcel exportHTML filterColumns formatDates "
        "fromCSV getColumnHeaders setValue sort toCSV toDataSet toExcel toPyDataSet "
        "updateRow "
    ),
    "system.date": _names(
        "addDays addHours addMillis addMinutes addMonths addSeconds addWeeks addYears "
        "daysBetween format fromMillis getAMorPM getDate getDayOfMonth getDayOfWeek "
        "getDayOfYear getHour12 getHour24 getMillis getMinute getMonth getQuarter "
        "getSecond getTimezone getTimezoneOffset getTimezoneRawOffset getYear "
        "hoursBetween isAfter isBefore isBetween isDaylightTime midnight "
        "millisBetween minutesBetween monthsBetween now parse secondsBetween setTime "
        "toMillis weeksBetween yearsBetween "
    ),
    "system.db": _names(
        "addDatasource beginNamedQueryTransaction beginTransaction "
        "clearAllNamedQueryCaches clearNamedQueryCache closeTransaction "
        "commitTransaction createSProcCall dateFormat execSProcCall getConnectionInfo "
        "getConnections refresh removeDatasource rollbackTransaction runNamedQuery "
        "runPrepQuery runPrepUpdate runQuery runSFNamedQuery runSFPrepUpdate "
        "runSFUpdateQuery runScalarPrepQuery runScalarQuery runUpdateQuery "
        "setDatasourceConnectURL setDatasourceEnabled setDatasourceMaxConnections "
    ),
    "system.device": _names(
        "addDevice getDeviceHostname listDevices refreshBrowse removeDevice restart "
        "setDeviceEnabled setDeviceHostname "
    ),
    "system.dnp3": _names(
        "directOperateAnalog directOperateBinary freezeAnalogs freezeAnalogsAtTime "
        "freezeCounters freezeCountersAtTime selectOperateAnalog selectOperateBinary "
    ),
    "system.eam": _names("getGroups queryAgentHistory queryAgentStatus runTask "),
    "system.file": _names(
        "fileExists getTempFile openFile openFiles readFileAsBytes readFileAsString "
        "saveFile writeFile "
    ),
    "system.groups": _names("loadFromFile removeGroups "),
    "system.gui": _names(
        "chooseColor closeDesktop color confirm convertPointToScreen createPopupMenu "
        "desktop errorBox findWindow getCurrentDesktop getDesktopHandles "
        "getOpenedWindowNames getOpenedWindows getParentWindow getQuality "
        "getScreenIndex getScreens getSibling getWindow getWindowNames inputBox "
        "isTouchscreenModeEnabled messageBox openDesktop openDiagnostics passwordBox "
        "setScreenIndex setTouchscreenModeEnabled showNumericKeypad "
        "showTouchscreenKeyboard transform warningBox "
    ),
    "system.iec61850": _names(
        "cancel getControlParams listFiles operate readFile select writeFile "
    ),
    "system.math": _names(
        "geometricMean kurtosis max mean meanDifference median min mode normalize "
        "percentile populationVariance product skewness standardDeviation sum "
        "sumDifference sumLog sumSquares variance "
    ),
    "system.mongodb": _names(
        "aggregate deleteMany deleteOne find findOne insertMany insertOne "
        "listCollectionNames listConnectorInfo replaceOne updateMany updateOne "
    ),
    "system.nav": _names(
        "centerWindow closeParentWindow closeWindow desktop getCurrentWindow goBack "
        "goForward goHome openWindow openWindowInstance swapTo swapWindow "
    ),
    "system.net": _names(
        "getExternalIpAddress getHostName getIpAddress getRemoteServers httpClient "
        "httpDelete httpGet httpPost httpPut openURL sendEmail "
    ),
    "system.opc": _names(
        "browse browseServer browseSimple getServerState getServers isServerEnabled "
        "readValue readValues setServerEnabled writeValue writeValues "
    ),
    "system.opchda": _names(
        "browse getAggregates getAttributes getServers insert insertReplace "
        "isServerAvailable readAttributes readProcessed readRaw replace "
    ),
    "system.opcua": _names("addConnection callMethod removeConnection "),
    "system.perspective": _names(
        "alterDock alterLogging authenticationChallenge closeDock closePage "
        "closePopup closeSession download getProjectInfo getSessionInfo isAuthorized "
        "login logout navigate navigateBack navigateForward openDock openPopup print "
        "refresh sendMessage setTheme toggleDock togglePopup vibrateDevice "
    ),
    "system.perspective.workstation": _names("exit toKiosk toWindowed "),
    "system.print": _names(
        "createImage createPrintJob getDefaultPrinterName getPrinterNames printToImage "
    ),
    "system.project": _names("getProjectName getProjectNames requestScan "),
    "system.report": _names(
        "executeAndDistribute executeReport getReportNamesAsDataset "
        "getReportNamesAsList "
    ),
    "system.roster": _names(
        "addUsers createRoster deleteRoster getRoster getRosterNames getRosters "
        "removeUsers "
    ),
    "system.secsgem": _names(
        "copyEquipment deleteToolProgram enableDisableEquipment getResponse "
        "getToolProgram getToolProgramDataset sendRequest sendResponse "
        "startSimEventRun toDataSet toTreeDataSet "
    ),
    "system.security": _names(
        "getRoles getUserRoles getUsername isScreenLocked lockScreen logout "
        "switchUser unlockScreen validateUser "
    ),
    "system.serial": _names(
        "closeSerialPort configureSerialPort openSerialPort port readBytes "
        "readBytesAsString readLine readUntil sendBreak write writeBytes "
    ),
    "system.sfc": _names(
        "cancelChart getRunningCharts getVariables pauseChart redundantCheckpoint "
        "resumeChart setVariable setVariables startChart "
    ),
    "system.tag": _names(
        "browse browseHistoricalTags configure copy deleteAnnotations deleteTags "
        "exists exportTags getConfiguration importTags isOverlaysEnabled move query "
        "queryAnnotations queryTagCalculations queryTagDensity queryTagHistory "
        "readAsync readBlocking rename requestGroupExecution setOverlaysEnabled "
        "storeAnnotations storeTagHistory writeAsync writeBlocking "
    ),
    "system.twilio": _names(
        "getAccounts getAccountsDataset getPhoneNumbers getPhoneNumbersDataset sendSms "
    ),
    "system.user": _names(
        "addCompositeSchedule addHoliday addRole addSchedule addUser "
        "createScheduleAdjustment editHoliday editRole editSchedule editUser "
        "getHoliday getHolidayNames getHolidays getNewUser getRoles getSchedule "
        "getScheduleNames getScheduledUsers getSchedules getUser getUserSources "
        "getUsers isUserScheduled removeHoliday removeRole removeSchedule removeUser "
    ),
    "system.util": _names(
        "audit beep execute exit getAvailableLocales getAvailableTerms getClientId "
        "getConnectTimeout getConnectionMode getEdition getGatewayAddress "
        "getGatewayStatus getGlobals getInactivitySeconds getLocale getLogger "
        "getModules getProjectName getProperty getReadTimeout getSessionInfo "
        "getSystemFlags getVersion invokeAsynchronous invokeLater jsonDecode "
        "jsonEncode modifyTranslation playSoundClip queryAuditLog retarget "
        "sendMessage sendRequest sendRequestAsync setConnectTimeout setConnectionMode "
        "setLocale setLoggingLevel setReadTimeout threadDump translate "
    ),
    "system.vision": _names("getKeyboardLayouts updateProject "),
}

CLIENT_ONLY_MODULES = frozenset({"system.gui", "system.nav", "system.vision"})
GATEWAY_ONLY_MODULES = frozenset(
    {"system.perspective", "system.perspective.workstation"}
)

CLIENT_ONLY: dict[str, frozenset[str]] = {
    "system.util": _names(
        "beep exit getAvailableLocales getAvailableTerms getClientId "
        "getConnectTimeout getConnectionMode getEdition getGatewayAddress "
        "getInactivitySeconds getLocale getReadTimeout getSystemFlags invokeLater "
        "playSoundClip retarget setConnectTimeout setConnectionMode setLocale "
        "setReadTimeout"
    ),
    "system.security": _names(
        "getRoles getUsername isScreenLocked lockScreen logout switchUser unlockScreen"
    ),
    "system.dataset": _names("exportCSV exportExcel exportHTML"),
    "system.db": _names("refresh"),
    "system.file": _names("openFile openFiles saveFile"),
    "system.net": _names("openURL"),
    "system.print": _names("createImage createPrintJob printToImage"),
}


def exists_in(module: str, function: str, scope: str) -> bool:
    """Whether Ignition 8.1 has ``module.function`` in ``scope``."""
    if function not in FUNCTIONS.get(module, frozenset()):
        return False
    if scope == "client":
        return module not in GATEWAY_ONLY_MODULES
    return module not in CLIENT_ONLY_MODULES and function not in CLIENT_ONLY.get(
        module, frozenset()
    )


def modules_in(scope: str) -> list[str]:
    """The ``system`` submodules (dotted names) a scope has in 8.1."""
    excluded = GATEWAY_ONLY_MODULES if scope == "client" else CLIENT_ONLY_MODULES
    return sorted(name for name in FUNCTIONS if name not in excluded)
