@echo off
rem Runs the battdat command-line tool on Windows. JVM options come from JAVA_OPTS (e.g. set JAVA_OPTS=-Xmx64m).
setlocal
set "jar=%~dp0..\battdat-cli\target\battdat.jar"
if not exist "%jar%" (
  echo battdat: %jar% is missing; build it first: mvn -q -DskipTests package 1>&2
  exit /b 2
)
rem JAVA_OPTS is left unquoted so that several options split into several arguments, as in bin/battdat
java %JAVA_OPTS% -jar "%jar%" %*
exit /b %ERRORLEVEL%
