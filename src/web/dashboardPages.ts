// Every page and action of the dashboard. To add one: write pages/<verbNoun>.ts (a DashboardPage)
// with its template beside it, list it here, and give it a nav key (dashboard:nav.<key> in both
// locales) if it belongs in the navigation bar, which shows it in this order.
import type { DashboardPage } from "./dashboardTypes.js";
import { liveTopics } from "./live/liveTopics.js";
import { streamLiveTopic } from "./live/streamLiveTopic.js";
import { acceptSignInLink } from "./pages/acceptSignInLink.js";
import { answerInboxQuestion } from "./pages/answerInboxQuestion.js";
import { changePersonTag } from "./pages/changePersonTag.js";
import { closeInboxQuestion } from "./pages/closeInboxQuestion.js";
import { confirmImport } from "./pages/confirmImport.js";
import { confirmNewBroadcast } from "./pages/confirmNewBroadcast.js";
import { confirmPersonErasure } from "./pages/confirmPersonErasure.js";
import { erasePerson } from "./pages/erasePerson.js";
import { exportPeopleCsv, exportPeopleXlsx } from "./pages/exportPeopleList.js";
import { deleteSegmentFromForm } from "./pages/deleteSegmentFromForm.js";
import { previewBroadcastEdit } from "./pages/previewBroadcastEdit.js";
import { previewNewBroadcast } from "./pages/previewNewBroadcast.js";
import { saveBroadcastEdit } from "./pages/saveBroadcastEdit.js";
import { showBroadcastEditPage } from "./pages/showBroadcastEditPage.js";
import { saveChangedSegment, saveNewSegment } from "./pages/saveSegmentFromForm.js";
import { showNewSegmentPage } from "./pages/showNewSegmentPage.js";
import { showSegmentPage } from "./pages/showSegmentPage.js";
import { showSegmentsPage } from "./pages/showSegmentsPage.js";
import { showBroadcastsPage } from "./pages/showBroadcastsPage.js";
import { showBroadcastPage } from "./pages/showBroadcastPage.js";
import { cancelBroadcastFromPage, pauseBroadcastFromPage, resumeBroadcastFromPage } from "./pages/changeBroadcastFromPage.js";
import { confirmUncertainResend } from "./pages/confirmUncertainResend.js";
import { resendUncertainFromPage } from "./pages/resendUncertainFromPage.js";
import { showComposeBroadcastPage } from "./pages/showComposeBroadcastPage.js";
import { showAuditPage } from "./pages/showAuditPage.js";
import { showImportJob } from "./pages/showImportJob.js";
import { showImportPage } from "./pages/showImportPage.js";
import { uploadImportFile } from "./pages/uploadImportFile.js";
import { showInboxItemPage } from "./pages/showInboxItemPage.js";
import { showInboxPage } from "./pages/showInboxPage.js";
import { saveWeakMapSegment } from "./pages/saveWeakMapSegment.js";
import { showMapPage } from "./pages/showMapPage.js";
import { showOverviewPage } from "./pages/showOverviewPage.js";
import { showPeoplePage } from "./pages/showPeoplePage.js";
import { showPersonPage } from "./pages/showPersonPage.js";
import { showSignInPage } from "./pages/showSignInPage.js";
import { signOut } from "./pages/signOut.js";
import { closeTaskFromPage } from "./pages/closeTaskFromPage.js";
import { createTaskFromForm } from "./pages/createTaskFromForm.js";
import { previewTaskFromForm } from "./pages/previewTaskFromForm.js";
import { showNewTaskPage } from "./pages/showNewTaskPage.js";
import { showTaskPage } from "./pages/showTaskPage.js";
import { showTasksPage } from "./pages/showTasksPage.js";
import { switchLanguage } from "./pages/switchLanguage.js";

export const dashboardPages: readonly DashboardPage[] = [
  showOverviewPage,
  showMapPage,
  saveWeakMapSegment,
  showPeoplePage,
  showPersonPage,
  changePersonTag,
  confirmPersonErasure,
  erasePerson,
  exportPeopleCsv,
  exportPeopleXlsx,
  showInboxPage,
  showInboxItemPage,
  answerInboxQuestion,
  closeInboxQuestion,
  showSegmentsPage,
  showNewSegmentPage,
  saveNewSegment,
  showSegmentPage,
  saveChangedSegment,
  deleteSegmentFromForm,
  showBroadcastsPage,
  showBroadcastPage,
  pauseBroadcastFromPage,
  resumeBroadcastFromPage,
  cancelBroadcastFromPage,
  confirmUncertainResend,
  resendUncertainFromPage,
  showTasksPage,
  showNewTaskPage,
  previewTaskFromForm,
  createTaskFromForm,
  showTaskPage,
  closeTaskFromPage,
  showComposeBroadcastPage,
  previewNewBroadcast,
  confirmNewBroadcast,
  showBroadcastEditPage,
  previewBroadcastEdit,
  saveBroadcastEdit,
  showImportPage,
  uploadImportFile,
  showImportJob,
  confirmImport,
  showAuditPage,
  showSignInPage,
  acceptSignInLink,
  signOut,
  switchLanguage,
  ...liveTopics.map(streamLiveTopic),
];
