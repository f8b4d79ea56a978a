// make evidence-report: one HTML file (it opens from disk, offline), in Japanese.
export default {
  name: "ひかり電話設定サイト テストエビデンス",
  plugins: { awesome: { options: { singleFile: true, reportLanguage: "ja" } } },
};
