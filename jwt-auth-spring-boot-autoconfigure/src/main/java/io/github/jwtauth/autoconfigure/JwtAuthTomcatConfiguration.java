package io.github.jwtauth.autoconfigure;

import io.github.jwtauth.web.ProblemDetailErrorReportValve;
import org.apache.catalina.startup.Tomcat;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Problem bodies for errors Tomcat answers on its own (an oversized header, say), so that
 * no input yields an HTML error page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({ Tomcat.class, ConfigurableTomcatWebServerFactory.class })
class JwtAuthTomcatConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "jwtAuthTomcatErrorReportCustomizer")
	WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> jwtAuthTomcatErrorReportCustomizer() {
		return new ErrorReportCustomizer();
	}

	/**
	 * Runs after Spring Boot's own Tomcat customizer, so that this valve sits inside Boot's
	 * error report valve and answers first.
	 */
	static final class ErrorReportCustomizer
			implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

		@Override
		public void customize(ConfigurableTomcatWebServerFactory factory) {
			factory.addContextCustomizers(
					(context) -> context.getParent().getPipeline().addValve(new ProblemDetailErrorReportValve()));
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
