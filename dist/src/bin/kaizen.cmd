@echo off
rem Runs Kaizen on Windows. Needs Java 17 or newer: %JAVA_HOME%\bin\java, else java on the PATH.
rem JAVA_OPTS adds JVM options. Sets KAIZEN_HOME to this installation (plugins and recipes).
setlocal
set "KAIZEN_HOME=%~dp0.."
for %%I in ("%KAIZEN_HOME%") do set "KAIZEN_HOME=%%~fI"
if defined JAVA_HOME (set "JAVA_CMD=%JAVA_HOME%\bin\java.exe") else (set "JAVA_CMD=java")
"%JAVA_CMD%" -version >nul 2>&1
if errorlevel 1 (
  echo kaizen: cannot find java; install Java 17 or newer, or set JAVA_HOME 1>&2
  exit /b 1
)
set SPARK_OPTIONS=-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true
"%JAVA_CMD%" %SPARK_OPTIONS% %JAVA_OPTS% -Dai.djl.offline=true -Djava.awt.headless=true -cp "%KAIZEN_HOME%\lib\*" dev.kaizen.core.cli.Kaizen %*
exit /b %ERRORLEVEL%
