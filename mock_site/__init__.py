"""The mock ひかり電話設定サイト: both regional sites (site.py), their phone side and a mail inbox,
run together by environment.py."""
