# Multi-stage build: Maven builds the fat jar, a JRE runs it.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -q -B dependency:go-offline
COPY src src
COPY dialogs dialogs
COPY translations translations
RUN mvn -q -B -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
RUN useradd --system --home /app helpdesk && mkdir -p /app/data && chown helpdesk /app/data
COPY --from=build /src/target/helpdesk.jar /tmp/helpdesk.jar
# Class-data sharing (Spring Boot's documented procedure): the jar extracted, and one training run on a throw-away
# embedded store that records the classes a start loads; a start then takes about a quarter less CPU
# (BENCHMARKS.md, "Start-up"). The same steps outside docker: scripts/cds.
RUN java -Djarmode=tools -jar /tmp/helpdesk.jar extract --destination /app/lib-extracted && rm /tmp/helpdesk.jar \
    && java -XX:ArchiveClassesAtExit=/app/helpdesk.jsa -Dspring.context.exit=onRefresh \
       -jar /app/lib-extracted/helpdesk.jar --server.port=0 --helpdesk.data-dir=/tmp/cds-training \
       --helpdesk.bootstrap.admin-password=Cds-Training-Only-2026! \
    && rm -rf /tmp/cds-training
USER helpdesk
EXPOSE 8080
# Half the container's memory for the heap: the JVM's own memory (classes, code, threads) needs the rest
# (BENCHMARKS.md, "Footprint"). docker-compose.yml sets the limit (512 MB) and the small-heap settings.
# ExitOnOutOfMemoryError: after an OutOfMemoryError any thread may have died half-way (once the Telegram sender did,
# and the bot went silent while health said UP); exiting lets the orchestrator restart a whole, clean process.
# TieredStopAtLevel=1: the quick JIT compiler only; on two cores the optimising one cost more CPU and memory than it
# gave back (BENCHMARKS.md, "Third pass"): start-up ~4-5 s with the archive.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=/app/helpdesk.jsa", "-jar", "/app/lib-extracted/helpdesk.jar"]
