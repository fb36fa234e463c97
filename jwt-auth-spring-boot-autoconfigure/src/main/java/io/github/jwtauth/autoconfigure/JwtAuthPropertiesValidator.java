package io.github.jwtauth.autoconfigure;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Validates the {@code jwt.*} properties before any bean is created, so that a bad value is
 * reported as such rather than as a symptom (two endpoints on one path surface first as an
 * ambiguous MVC mapping, for example).
 */
final class JwtAuthPropertiesValidator implements BeanFactoryPostProcessor, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		Binder.get(this.environment).bindOrCreate("jwt", JwtAuthProperties.class).validate();
	}

}
