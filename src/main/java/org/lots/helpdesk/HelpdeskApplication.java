package org.lots.helpdesk;

import org.lots.helpdesk.cli.Cli;
import org.lots.helpdesk.content.EarlyContent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HelpdeskApplication {
    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(Cli.run(args, System.out));
        }
        SpringApplication app = new SpringApplication(HelpdeskApplication.class);
        app.addListeners(new EarlyContent()); // content loads beside the context (start-up time)
        app.run(args);
    }
}
